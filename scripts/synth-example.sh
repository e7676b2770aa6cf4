#!/usr/bin/env bash
# `npm run synth`: synthesizes the example cdk8s app (examples/cdk8s) with the real cdk8s CLI into dist/,
# then validates dist/ with this project's own CLI. Exits non-zero when either step fails.
# Synth already validates (the constructs run the engine); the second pass checks the files as written.
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI runs from lib/.
npx tsc --build

# cdk8s synth empties its output directory (dist/) before writing.
(cd examples/cdk8s && npx cdk8s synth --no-check-upgrade)

# The objects the app assumed to exist outside it (SecretKey.external, fromName in main.ts) are in the externals
# file synth wrote next to the manifests.
node lib/cli/main.js validate --externals dist/toolhive-externals.json dist/

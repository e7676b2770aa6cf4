/** Help texts. Kept next to each other so `--help` and docs/cli.md are easy to keep in step. */
import { NEWEST_KUBERNETES_VERSION } from '../core/kube-version';
import { DEFAULT_RELEASE } from '../schema/registry';

export const PROGRAM = 'toolhive-constructs';

export const MAIN_USAGE = `Usage: ${PROGRAM} <command> [options] PATH...

Offline checks for ToolHive operator manifests (toolhive.stacklok.dev).

Commands:
  validate         check manifests the way the API server (schema, CEL) and the
                   ToolHive operator (reconcile-time checks, references, Secret
                   keys, name collisions) would
  env              print the env vars the operator injects into each workload
  releases         list the operator releases validate can target
  help [COMMAND]   show help for a command

Options:
  -h, --help       show this help
  -V, --version    print the version and the ToolHive operator release it targets

Run '${PROGRAM} help <command>' for the options of a command.
`;

const PATHS = `PATH is a file, a directory (searched recursively for *.yaml, *.yml and *.json,
in sorted order) or - for standard input. A file may hold several YAML documents;
empty documents are skipped and a kind: List is read as its items. A .json file
is read as JSON (kubectl get -o json).`;

const EXTERNAL = `  --external KIND/NAME     an object that exists outside these files, so
                           references to it are not errors (repeatable); also
                           KIND/NAMESPACE/NAME, and KIND/* for every object
                           of a kind
  --externals FILE         read more of those from FILE (repeatable): the
                           toolhive-externals.json cdk8s synth writes next to
                           the manifests, {"version": 1, "external": [...]}
  --assume-external        report references to objects not in the files as
                           warnings instead of errors`;

const INPUT = `  --max-file-bytes N       refuse a file (or standard input) larger than N
                           bytes; K, M, G suffixes (default: 16M)
  --max-total-bytes N      refuse more than N bytes of input in one run
                           (default: 256M)
  --allow-empty            accept input without any document (default: exit 2)`;

export const VALIDATE_USAGE = `Usage: ${PROGRAM} validate [--format text|json|sarif|junit] [--strict]
       [--external KIND/NAME]... [--externals FILE]... [--assume-external] [--operator-release RELEASE]
       [--kubernetes-version MAJOR.MINOR] PATH...

Checks ToolHive manifests offline: identity, CRD schema (after defaulting) and
CEL rules, the operator's reconcile-time checks, references between objects,
Secret and ConfigMap keys, and name collisions. Objects of other kinds
(Secrets, ConfigMaps, ...) are read as context for the reference checks.

${PATHS}

Options:
  --format F               output format (default: text):
                             text   one line per violation and a summary
                             json   violations, input problems and a summary
                             sarif  SARIF 2.1.0 (GitHub code scanning)
                             junit  JUnit XML (one test case per object)
  --strict                 warnings fail the run too (exit 1)
${EXTERNAL}
  --operator-release R     the ToolHive operator release to check against (its
                           CRD schemas, CEL rules and operator rules); see
                           '${PROGRAM} releases' (default: ${DEFAULT_RELEASE})
  --kubernetes-version V   reproduce the API server of Kubernetes V (e.g. 1.35;
                           default: ${NEWEST_KUBERNETES_VERSION}, the newest release): int32/int64
                           formats are enforced from 1.36
${INPUT}
  -h, --help               show this help

Output (text): one line per violation, then a summary line
  FILE#DOC Kind/namespace/name PATH: MESSAGE [RULE]
  warning: FILE#DOC Kind/namespace/name PATH: MESSAGE [RULE]
  N documents, E errors, W warnings
DOC is the document's number in its file (1-based).

Exit status:
  0  no errors (warnings allowed, unless --strict)
  1  at least one error (or, with --strict, a warning)
  2  usage error, unreadable or oversized input, no documents, syntax
     error (the files that could be read are still checked; json, sarif and
     junit still print a report with syntax problems)
`;

export const ENV_USAGE = `Usage: ${PROGRAM} env [--format yaml|json] [--external KIND/NAME]...
       [--externals FILE]... [--assume-external] PATH...

Prints, for every workload (MCPServer, MCPRemoteProxy, VirtualMCPServer,
EmbeddingServer, MCPRegistry), the containers the operator creates and the env
vars it injects into them, in the operator's order. Secret values are never
printed: env vars fed from a Secret show their secretKeyRef. Whatever depends
on an object that is not in the files is left out.

${PATHS}

Options:
  --format yaml|json       output format (default: yaml)
${EXTERNAL}
                           (accepted for symmetry with validate; they do not
                           change the env output)
${INPUT}
  -h, --help               show this help

Exit status:
  0  success
  2  usage error, unreadable or oversized input, no documents, YAML syntax
     error
`;

export const RELEASES_USAGE = `Usage: ${PROGRAM} releases

Lists the ToolHive operator releases whose CRDs and rules are bundled, oldest
first, one per line: the name to pass to --operator-release, then what it is.
The default is marked (default).

Exit status:
  0  success
  2  usage error
`;

export function usageOf(command: string | undefined): string {
  if (command === 'validate') return VALIDATE_USAGE;
  if (command === 'releases') return RELEASES_USAGE;
  if (command === 'env') return ENV_USAGE;
  return MAIN_USAGE;
}

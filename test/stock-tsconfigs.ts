/**
 * The compiler options a user's fresh project starts with, used as test data (docs code blocks, smoke suite).
 * - cdk8s: the tsconfig `cdk8s init typescript-app` writes, read from the installed cdk8s-cli's template.
 * - Pulumi: the tsconfig `pulumi new typescript` writes: github.com/pulumi/templates, file typescript/tsconfig.json,
 *   at commit 65db26bfbdb2fef067d2a10dcadef7b553b36d60 (2026-08-04; `nodenext` since commit 81e65225, 2026-03-25),
 *   and as it was from commit a3029400 (2024-04-15) until then (`commonjs` with `moduleResolution: node`, which
 *   ignores package `exports`). Only the compiler options are used; `outDir` and `sourceMap` are irrelevant here.
 */
import * as fs from 'fs';
import * as path from 'path';

export type CompilerOptionsJson = Record<string, unknown>;

const CDK8S_TEMPLATE = path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'templates', 'typescript-app');

/** The cdk8s-cli template directory (tsconfig.json, package.json, cdk8s.yaml, main.ts, ...). */
export function cdk8sTemplateDir(): string {
  return CDK8S_TEMPLATE;
}

export function cdk8sInitTsconfig(): { compilerOptions: CompilerOptionsJson } {
  return JSON.parse(fs.readFileSync(path.join(CDK8S_TEMPLATE, 'tsconfig.json'), 'utf8'));
}

/** `pulumi new typescript` since 2026-03. */
export const PULUMI_NEW_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: 'bin',
    target: 'es2020',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ['index.ts'],
};

/** `pulumi new typescript` from 2024-04 to 2026-03: `moduleResolution: node` (node10). */
export const PULUMI_NEW_2024_TSCONFIG = {
  compilerOptions: { ...PULUMI_NEW_TSCONFIG.compilerOptions, module: 'commonjs', moduleResolution: 'node' },
  files: ['index.ts'],
};

/** Every stock configuration, by a short name used in test titles. */
export const STOCK_TSCONFIGS: Record<string, () => { compilerOptions: CompilerOptionsJson }> = {
  'cdk8s init typescript-app': cdk8sInitTsconfig,
  'pulumi new typescript': () => PULUMI_NEW_TSCONFIG,
  'pulumi new typescript (2024-2026, moduleResolution node)': () => PULUMI_NEW_2024_TSCONFIG,
};

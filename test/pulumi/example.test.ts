/**
 * examples/pulumi: type-checked with the TypeScript compiler against the example's own tsconfig, then run
 * as a Pulumi program under Pulumi's mock runtime.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import * as ts from 'typescript';
import { customResource, customResources, isSecretInput, mockProgram, settle, valueOf, type Registration } from './harness';
import { envBindings } from '../../src/bindings';
import * as toolhive from '../../src/pulumi';
import { validateManifests } from '../../src/validation';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'pulumi');

const COMPONENT_OF: Record<string, string> = {
  MCPGroup: 'McpGroup',
  MCPOIDCConfig: 'McpOidcConfig',
  MCPAuthzConfig: 'McpAuthzConfig',
  MCPTelemetryConfig: 'McpTelemetryConfig',
  MCPToolConfig: 'McpToolConfig',
  MCPServer: 'McpServer',
  MCPExternalAuthConfig: 'McpExternalAuthConfig',
  MCPRemoteProxy: 'McpRemoteProxy',
  MCPServerEntry: 'McpServerEntry',
  VirtualMCPServer: 'VirtualMcpServer',
};

const SECRETS: Record<string, string> = {
  oidcClientSecret: 'example-oidc-secret-value',
  otelApiKey: 'example-otel-key-value',
  fetchApiKey: 'example-fetch-key-value',
  docsApiToken: 'example-docs-token-value',
  corpClientSecret: 'example-corp-secret-value',
  githubClientSecret: 'example-github-secret-value',
};

/** Runs examples/pulumi/index.ts as written, with `toolhive-constructs/pulumi` bound to this checkout's source. */
function runExample(): Record<string, unknown> {
  const file = path.join(EXAMPLE, 'index.ts');
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  }).outputText;
  const mod = { exports: {} as Record<string, unknown> };
  const modules: Record<string, unknown> = { '@pulumi/pulumi': pulumi, '@pulumi/kubernetes': k8s, 'toolhive-constructs/pulumi': toolhive };
  const load = (id: string): unknown => {
    if (!(id in modules)) throw new Error(`examples/pulumi imports ${id}: add it to the test's module table`);
    return modules[id];
  };
  new Function('exports', 'require', 'module', '__filename', '__dirname', js)(mod.exports, load, mod, file, EXAMPLE);
  return mod.exports;
}

describe('examples/pulumi', () => {
  test('type-checks with its tsconfig.json', () => {
    const read = ts.readConfigFile(path.join(EXAMPLE, 'tsconfig.json'), f => ts.sys.readFile(f));
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, EXAMPLE);
    const program = ts.createProgram(parsed.fileNames, parsed.options);
    const problems = ts.getPreEmitDiagnostics(program).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(parsed.errors).toEqual([]);
    expect(problems).toEqual([]);
  });

  describe('under Pulumi mocks', () => {
    let regs: Registration[];
    let exported: Record<string, unknown>;

    beforeAll(async () => {
      regs = await mockProgram({ project: 'toolhive-demo' });
      pulumi.runtime.setAllConfig(
        Object.fromEntries(Object.entries(SECRETS).map(([k, v]) => [`toolhive-demo:${k}`, v])),
        Object.keys(SECRETS).map(k => `toolhive-demo:${k}`));
      exported = runExample();
      await valueOf(exported.warnings as pulumi.Output<unknown>);
      await settle(exported.gatewayEnv as pulumi.Output<unknown>);
      await settle();
    });

    const byType = (type: string): Registration[] => regs.filter(r => r.type === type);
    const cr = (kind: string, name: string): Registration => customResource(regs, kind, name);

    test('passes the whole-program validation without warnings', async () => {
      expect(await valueOf(exported.warnings as pulumi.Output<unknown>)).toEqual([]);
    });

    test('registers one component and one custom resource per ToolHive object', () => {
      const components = regs.filter(r => r.type.startsWith('toolhive:index:')).map(r => `${r.type} ${r.name}`).sort();
      expect(components).toEqual([
        'toolhive:index:McpAuthzConfig demo-authz',
        'toolhive:index:McpExternalAuthConfig docs-bearer',
        'toolhive:index:McpGroup demo-tools',
        'toolhive:index:McpOidcConfig demo-oidc',
        'toolhive:index:McpRemoteProxy docs',
        'toolhive:index:McpServer fetch',
        'toolhive:index:McpServerEntry search',
        'toolhive:index:McpTelemetryConfig demo-otel',
        'toolhive:index:McpToolConfig fetch-tools',
        'toolhive:index:Secret demo-oidc-client',
        'toolhive:index:Secret docs-api-token',
        'toolhive:index:Secret fetch-api-key',
        'toolhive:index:Secret gateway-upstreams',
        'toolhive:index:Secret otel-api-key',
        'toolhive:index:Validation toolhive-validation',
        'toolhive:index:VirtualMcpServer demo-gateway',
      ]);
      for (const child of customResources(regs)) {
        const parent = regs.find(r => r.urn === child.parent);
        expect(parent?.type).toBe(`toolhive:index:${COMPONENT_OF[child.inputs.kind as string]}`);
        expect(parent?.name).toBe(child.name);
      }
    });

    test('every custom resource depends on the operator, the CRDs and its namespace', () => {
      const releases = byType('kubernetes:helm.sh/v3:Release').map(r => r.urn);
      const namespace = byType('kubernetes:core/v1:Namespace')[0].urn;
      expect(releases).toHaveLength(2);
      for (const child of customResources(regs)) {
        expect(child.dependencies).toEqual(expect.arrayContaining([...releases, namespace]));
      }
    });

    test('the gateway depends on every object it references', () => {
      const deps = cr('VirtualMCPServer', 'demo-gateway').dependencies;
      for (const [kind, name] of [['MCPGroup', 'demo-tools'], ['MCPOIDCConfig', 'demo-oidc'], ['MCPAuthzConfig', 'demo-authz'], ['MCPTelemetryConfig', 'demo-otel']]) {
        expect(deps).toContain(cr(kind, name).urn);
      }
      expect(deps).toContain(regs.find(r => r.type === 'kubernetes:core/v1:Secret' && r.name === 'gateway-upstreams')!.urn);
    });

    test('the custom resources are what the engine accepts, and the env bindings are the CLI\'s', async () => {
      const secrets = byType('kubernetes:core/v1:Secret').map(r => ({
        ...r.inputs,
        stringData: Object.fromEntries(Object.keys((r.inputs.stringData as { value: object }).value).map(k => [k, 'x'])),
      }));
      const manifests = [...customResources(regs).map(r => r.inputs), ...secrets];
      expect(validateManifests(manifests)).toEqual([]);
      const cli = envBindings(manifests);
      expect(await valueOf(exported.gatewayEnv as pulumi.Output<unknown>)).toEqual(cli.find(w => w.name === 'demo-gateway'));
      expect(await valueOf(exported.fetchEnv as pulumi.Output<unknown>)).toEqual(cli.find(w => w.name === 'fetch'));
      expect(await valueOf(exported.docsEnv as pulumi.Output<unknown>)).toEqual(cli.find(w => w.name === 'docs'));
    });

    test('the gateway gets the OIDC client secret, both upstream secrets and the telemetry header from Secrets', async () => {
      const env = (await valueOf(exported.gatewayEnv as pulumi.Output<toolhive.WorkloadEnv>)).containers[0].env;
      const fromSecret = Object.fromEntries(env.filter(e => e.valueFrom?.secretKeyRef).map(e => [e.name, e.valueFrom!.secretKeyRef]));
      expect(fromSecret).toMatchObject({
        VMCP_OIDC_CLIENT_SECRET: { name: 'demo-oidc-client', key: 'client-secret' },
        TOOLHIVE_UPSTREAM_CLIENT_SECRET_CORP: { name: 'gateway-upstreams', key: 'corp-client-secret' },
        TOOLHIVE_UPSTREAM_CLIENT_SECRET_GITHUB: { name: 'gateway-upstreams', key: 'github-client-secret' },
        TOOLHIVE_OTEL_HEADER_X_OTEL_API_KEY: { name: 'otel-api-key', key: 'api-key' },
      });
    });

    test('every Secret value reaches the engine marked secret, and no custom resource carries one', () => {
      const secretRegs = byType('kubernetes:core/v1:Secret');
      expect(secretRegs).toHaveLength(5);
      for (const s of secretRegs) expect(isSecretInput(s.inputs.stringData)).toBe(true);
      const everything = JSON.stringify(regs.filter(r => r.type !== 'kubernetes:core/v1:Secret'));
      for (const value of Object.values(SECRETS)) expect(everything).not.toContain(value);
    });
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { McpServer, McpOidcConfig } from '../../src';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The README's first example, as it is tested below (imports aside). */
const SNIPPET = `const app = new App();
const chart = new Chart(app, 'mcp', { namespace: 'toolhive' });
const oidc = McpOidcConfig.inline(chart, 'oidc', { issuer: 'https://idp.example.com', clientId: 'toolhive' });
new McpServer(chart, 'fetch', {
  image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
  transport: 'streamable-http',
  oidcConfig: { config: oidc, audience: 'https://fetch.example.com' },
});`;

describe('README', () => {
  const shellBlocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map(m => m[1].split('\n').filter(Boolean));

  test('starts with an install section for cdk8s and for Pulumi, before any example', () => {
    const install = README.indexOf('\n## Install\n');
    expect(install).toBeGreaterThan(0);
    expect(install).toBeLessThan(README.indexOf('```ts'));
    expect(shellBlocks[0][0]).toMatch(/^npm install toolhive-constructs cdk8s constructs\s/);
    expect(shellBlocks[0][1]).toMatch(/^npm install toolhive-constructs @pulumi\/pulumi @pulumi\/kubernetes\s/);
  });

  test('then the two set-up commands: the test suite, then the main job', () => {
    expect(shellBlocks[1][0]).toMatch(/^npm ci && npm test\s/);
    expect(shellBlocks[1][1]).toMatch(/^npm run synth\s/);
  });

  test('the first cdk8s example is the tested one', () => {
    expect(README).toContain(SNIPPET);
  });

  test('the first cdk8s example synthesizes cleanly', () => {
    const app = new App();
    const chart = new Chart(app, 'mcp', { namespace: 'toolhive' });
    const oidc = McpOidcConfig.inline(chart, 'oidc', { issuer: 'https://idp.example.com', clientId: 'toolhive' });
    new McpServer(chart, 'fetch', {
      image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1',
      transport: 'streamable-http',
      oidcConfig: { config: oidc, audience: 'https://fetch.example.com' },
    });
    const yaml = app.synthYaml();
    expect(yaml).toContain('kind: MCPServer');
    expect(yaml).toContain('kind: MCPOIDCConfig');
  });

  test('fails synth with the CRD message when a field is wrong', () => {
    const app = new App();
    const chart = new Chart(app, 'mcp', { namespace: 'toolhive' });
    new McpServer(chart, 'fetch', { image: 'ghcr.io/stackloklabs/gofetch/server:1.0.1', transport: 'grpc' as any });
    expect(() => app.synthYaml()).toThrow(/\[mcp\/fetch\] .*spec\.transport: Unsupported value: "grpc": supported values: "stdio", "streamable-http", "sse"/);
  });
});

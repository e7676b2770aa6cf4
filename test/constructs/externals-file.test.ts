/** Synth writes `toolhive-externals.json` next to the manifests: the objects the App assumed to exist outside it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { McpGroup, McpServer, SecretKey, ToolHiveValidation } from '../../src';

const IMAGE = 'ghcr.io/stackloklabs/gofetch/server:1.0.1';

function platform(outdir: string): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'platform', { namespace: 'tools' });
  new McpServer(chart, 'fetch', {
    image: IMAGE,
    group: McpGroup.fromName(chart, 'shared', 'shared-tools'),
    secrets: [{ secretKey: SecretKey.external('github-token', 'token'), targetEnvName: 'GITHUB_TOKEN' }],
  });
  ToolHiveValidation.of(app).addExternal('ConfigMap/tools/corp-ca');
  return app;
}

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'toolhive-externals-'));

describe('the externals file', () => {
  test('app.synth() writes every object declared external, sorted, next to the manifests', () => {
    const outdir = tmp();
    platform(outdir).synth();
    expect(fs.readFileSync(path.join(outdir, 'toolhive-externals.json'), 'utf8')).toBe([
      '{',
      '  "version": 1,',
      '  "external": [',
      '    "ConfigMap/tools/corp-ca",',
      '    "MCPGroup/tools/shared-tools",',
      '    "Secret/tools/github-token"',
      '  ]',
      '}',
      '',
    ].join('\n'));
  });

  test('synthYaml() without an output directory writes nothing', () => {
    const outdir = path.join(tmp(), 'absent');
    platform(outdir).synthYaml();
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('a Helm chart layout (<chart>/templates) gets it at the chart root, where Helm does not render it', () => {
    const chartDir = tmp();
    fs.writeFileSync(path.join(chartDir, 'Chart.yaml'), 'apiVersion: v2\nname: x\nversion: 0.1.0\n');
    const templates = path.join(chartDir, 'templates');
    platform(templates).synth();
    expect(fs.existsSync(path.join(templates, 'toolhive-externals.json'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(chartDir, 'toolhive-externals.json'), 'utf8')).external).toHaveLength(3);
  });
});

/**
 * Class 4 (secrets in messages): no byte of a Secret's value, a `pulumi.secret` or an inline credential field
 * reaches stdout, stderr, an exception, a warning or synthesized error text, on any path. Each case plants a value
 * carrying MARK where a message would show it, and asserts the verdict and that MARK appears nowhere.
 */
import { spawnSync } from 'child_process';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { cli, expectNoSecret, MARK, REPO_ROOT, secretValue, server, spawnCli, tempTree, TH } from './helpers';
import { McpServer } from '../../src';
import * as toolhive from '../../src/pulumi';
import { validateManifests } from '../../src/validation';
import { REDACTED } from '../../src/validation/redact';
import { mockProgram } from '../pulumi/harness';

const SECRET_HEAD = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: creds', 'stringData:'];

describe('YAML errors inside a Secret give the position and a reason, never the text', () => {
  const cases: [string, string, string][] = [
    ['an unresolved alias', `  token: *${MARK}`, '<stdin>:1: YAML error in document 1: unresolved alias (the anchor must be set before the alias)'],
    ['a bad block scalar header', `  token: |${MARK}\n    x`, '<stdin>:6:11: YAML syntax error in document 1: unexpected token'],
    ['a bad escape', `  token: "${MARK}\\q"`, '<stdin>:6:22: YAML syntax error in document 1: invalid escape sequence in a double-quoted string'],
    ['a collection key', `  ? [${MARK}]\n  : x`, '<stdin>:6:5: YAML syntax error in document 1: a mapping key is a list or a mapping; Kubernetes objects have string keys'],
  ];

  test.each(cases)('%s: exit 2, one line, no secret (in-process)', async (_what, line, expected) => {
    const r = await cli(['validate', '-'], [...SECRET_HEAD, line, ''].join('\n'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`toolhive-constructs: ${expected}`);
    expectNoSecret(r.stdout, r.stderr);
  });

  test.each(cases)('%s: the binary prints no secret', (_what, line) => {
    const r = spawnCli(['env', '-'], { input: [...SECRET_HEAD, line, ''].join('\n') });
    expect(r.code).toBe(2);
    expectNoSecret(r.stdout, r.stderr);
  });

  test('an unknown tag is read as its scalar (as kubectl does), and no Node warning quotes it on stderr', () => {
    // the parser used to report the tag through process.emitWarning, which Node prints with the tag text
    const r = spawnCli(['validate', '-'], { input: [...SECRET_HEAD, `  token: !${MARK} x`, ''].join('\n') });
    expect(r).toEqual({ code: 0, stdout: '1 document, 0 errors, 0 warnings\n', stderr: '' });
  });
});

describe('the engine redacts every form of a secret, in every column', () => {
  const secret = (stringData: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team' }, stringData });

  test('fails a value that quotes a secret with escaped characters, and redacts the escaped form', () => {
    const value = `${MARK}"with\nescapes\u0001`;
    const found = validateManifests([secret({ token: value }), server('s', { transport: value })]);
    expect(found.filter(v => v.rule === 'schema.enum').map(v => v.message)).toEqual([`Unsupported value: "${REDACTED}": supported values: "stdio", "streamable-http", "sse"`]);
    expectNoSecret(found);
  });

  test('fails a name equal to a secret, and redacts the name column and the message', () => {
    const found = validateManifests([secret({ token: secretValue(1) }), { ...server(secretValue(1)) }]);
    expect(found.map(v => `${v.name}: ${v.message.slice(0, 28)} [${v.rule}]`)).toEqual([`${REDACTED}: Invalid value: "${REDACTED}": [metadata.name]`]);
    expectNoSecret(found);
  });

  test('fails a number equal to numeric stringData, and redacts it', () => {
    const found = validateManifests([secret({ pin: 987654321 }), server('s', { proxyPort: 987654321 })]);
    expect(found.map(v => v.message)).toEqual([`Invalid value: ${REDACTED}: spec.proxyPort in body should be less than or equal to 65535`]);
    expect(JSON.stringify(found)).not.toContain('987654321');
  });

  test('redacts base64 data and its decoding', () => {
    const data = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team' }, data: { token: Buffer.from(secretValue(2)).toString('base64') } };
    const found = validateManifests([data, server('s', { transport: secretValue(2) })]);
    expectNoSecret(found);
    expect(found.filter(v => v.rule === 'schema.enum').map(v => v.message)).toEqual([`Unsupported value: "${REDACTED}": supported values: "stdio", "streamable-http", "sse"`]);
  });

  test('redacts an inline credential field the CRD defines (vMCP tokenExchange clientSecret)', () => {
    const vmcp = {
      apiVersion: TH,
      kind: 'VirtualMCPServer',
      metadata: { name: 'gw', namespace: 'team' },
      spec: {
        groupRef: { name: 'g' },
        // the credential's value, misplaced in a field whose message quotes it
        incomingAuth: { type: secretValue(3) },
        config: { outgoingAuth: { source: 'inline', default: { type: 'tokenExchange', tokenExchange: { tokenUrl: 'https://sts.example.com', clientSecret: secretValue(3) } } } },
      },
    };
    const found = validateManifests([vmcp], { external: ['MCPGroup/g'] });
    expect(found.map(v => `${v.path}: ${v.message.slice(0, 31)}`)).toContain(`spec.incomingAuth.type: Unsupported value: "${REDACTED}"`);
    expectNoSecret(found);
  });

  test('passes the same objects without the planted mistakes (redaction does not mask verdicts)', () => {
    expect(validateManifests([secret({ token: secretValue(4) }), server('s', { transport: 'stdio' })])).toEqual([]);
  });
});

describe('CLI channels', () => {
  test('env: extra fields under secretKeyRef are never printed', async () => {
    const yaml = [
      `apiVersion: ${TH}`, 'kind: MCPServer', 'metadata:', '  name: s', 'spec:', '  image: i',
      '  podTemplateSpec:', '    spec:', '      containers:', '        - name: mcp', '          env:',
      '            - name: TOKEN', '              valueFrom:', '                secretKeyRef:', '                  name: creds',
      '                  key: token', `                  value: ${MARK}`, '',
    ].join('\n');
    for (const format of ['yaml', 'json']) {
      const r = await cli(['env', '--format', format, '-'], yaml);
      expect(r.code).toBe(0);
      expectNoSecret(r.stdout, r.stderr);
    }
  });

  test('validate through the binary: a secret quoted by a violation is redacted in text and JSON', () => {
    const dir = tempTree({ 'a.yaml': [...SECRET_HEAD, `  token: ${secretValue(5)}`, '---', `apiVersion: ${TH}`, 'kind: MCPServer', 'metadata:', '  name: s', 'spec:', '  image: i', `  transport: ${secretValue(5)}`, ''].join('\n') });
    for (const format of ['text', 'json']) {
      const r = spawnCli(['validate', '--format', format, `${dir}/a.yaml`]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(REDACTED);
      expectNoSecret(r.stdout, r.stderr);
    }
  });
});

describe('front ends', () => {
  test('cdk8s synth: the error and the warnings never show a secret', () => {
    const chart = new Chart(Testing.app(), 'c');
    const s = new kplus.Secret(chart, 'creds', { metadata: { name: 'creds' } });
    s.addStringData('token', secretValue(6));
    new McpServer(chart, 's', { image: 'i', transport: secretValue(6) as 'stdio' });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    } finally {
      console.warn = warn;
    }
    expect(message).toContain(`[c/s] spec.transport: Unsupported value: "${REDACTED}"`);
    expectNoSecret(message, warnings);
  });

  test('Pulumi: a pulumi.secret input is never unwrapped into the error (the program fails on its resource)', () => {
    // an Output that fails inside apply surfaces as an unhandled rejection: run the program in its own process
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/pulumi/programs/run.ts', 'test/hostile/programs/secret-output.ts'], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    });
    const outcome = JSON.parse(r.stdout) as { errors: { message: string }[] };
    expect(outcome.errors.map(e => e.message)).toEqual([
      'MCPServer demo/fetch is invalid (2 errors):\n'
        + `  - spec.transport: Unsupported value: "${REDACTED}": supported values: "stdio", "streamable-http", "sse" (schema.enum)\n`
        + '  - <root>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation (cel.not-checked)',
    ]);
    expectNoSecret(r.stdout, r.stderr);
  });

  test('Pulumi: a ToolHiveSecret value never appears in another object\'s error', () => {
    // prompt values: the error is thrown at construction
    return mockProgram().then(() => {
      new toolhive.ToolHiveSecret('creds', { metadata: { namespace: 'team' }, stringData: { token: secretValue(8) } });
      let message = '';
      try {
        new toolhive.McpServer('s2', { metadata: { namespace: 'team' }, image: 'i', transport: secretValue(8) as 'stdio' });
      } catch (e) {
        message = (e as Error).message;
      }
      // the two objects are validated separately (the server does not reference the Secret): the program pass sees both
      expect(message).toContain('spec.transport: Unsupported value');
      const program = (() => { try { toolhive.validate(); return ''; } catch (e) { return (e as Error).message; } })();
      expectNoSecret(program);
    });
  });
});

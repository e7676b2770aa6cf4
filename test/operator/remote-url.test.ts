import { findings, messages, toolhive } from './config-fixtures';

/** allowPrivateEndpoint exists from main@e25de16 on (test/releases/ covers the older releases). */
const MAIN = 'main@e25de16';

const proxy = (remoteUrl: string, extra: Record<string, unknown> = {}) => toolhive('MCPRemoteProxy', 'remote', { remoteUrl, ...extra });
const group = toolhive('MCPGroup', 'team', {});
const entry = (remoteUrl: string, extra: Record<string, unknown> = {}) =>
  toolhive('MCPServerEntry', 'catalog', { remoteUrl, transport: 'streamable-http', groupRef: { name: 'team' }, ...extra });

describe('remote URL: accepted', () => {
  it.each([
    'https://mcp.example.com/mcp',
    'http://api.example.com:8080/sse',
    'https://mcp.example.com/mcp?x=1#frag',
    'https://[2001:db8::1]:8443/mcp',
    'https://10.0.0.5.nip.io/mcp',
    'http://backend.tools.svc:8080/mcp', // bare .svc names are not on any list (no DNS lookups)
    'https://localhost.example.com/mcp',
  ])('accepts %s', url => {
    expect(findings([proxy(url)])).toEqual([]);
  });

  it('accepts private ranges and cluster.local with allowPrivateEndpoint', () => {
    for (const url of ['http://10.1.2.3:8080/mcp', 'http://172.20.0.1/mcp', 'http://192.168.1.10/mcp', 'http://[fd00::1]/mcp', 'http://api.tools.svc.cluster.local:8080/mcp']) {
      expect(findings([proxy(url, { allowPrivateEndpoint: true })], MAIN)).toEqual([]);
    }
  });
});

describe('remote URL: always-blocked targets', () => {
  it('rejects localhost on an MCPRemoteProxy', () => {
    expect(findings([proxy('http://localhost:8080/mcp')])).toEqual([{
      kind: 'MCPRemoteProxy',
      name: 'remote',
      path: 'spec.remoteUrl',
      rule: 'operator.remote-url.blocked-host',
      severity: 'error',
      message: 'remote URL host is not allowed: hostname "localhost" matches blocked internal hostname "localhost"',
    }]);
  });

  it('rejects the cloud metadata address on an MCPServerEntry', () => {
    expect(findings([group, entry('http://169.254.169.254/latest/meta-data')])).toEqual([{
      kind: 'MCPServerEntry',
      name: 'catalog',
      path: 'spec.remoteUrl',
      rule: 'operator.remote-url.blocked-ip',
      severity: 'error',
      message: 'remote URL host is not allowed: IP address 169.254.169.254 falls within blocked range 169.254.0.0/16',
    }]);
  });

  it.each([
    ['http://127.0.0.1:9000/', 'remote URL host is not allowed: IP address 127.0.0.1 falls within blocked range 127.0.0.0/8'],
    ['http://0.0.0.0/', 'remote URL host is not allowed: IP address 0.0.0.0 falls within blocked range 0.0.0.0/8'],
    ['http://[::1]:8080/', 'remote URL host is not allowed: IP address ::1 falls within blocked range ::1/128'],
    ['http://[::]/', 'remote URL host is not allowed: IP address :: falls within blocked range ::/128'],
    ['http://[fe80::1]/', 'remote URL host is not allowed: IP address fe80::1 falls within blocked range fe80::/10'],
    ['http://[::ffff:127.0.0.1]/', 'remote URL host is not allowed: IP address ::ffff:127.0.0.1 falls within blocked range 127.0.0.0/8'],
    ['http://[::ffff:a9fe:a9fe]/', 'remote URL host is not allowed: IP address ::ffff:a9fe:a9fe falls within blocked range 169.254.0.0/16'],
  ])('rejects %s even with allowPrivateEndpoint', (url, message) => {
    expect(messages([proxy(url, { allowPrivateEndpoint: true })], 'operator.remote-url.blocked-ip', MAIN)).toEqual([message]);
  });

  it.each([
    ['http://LocalHost/', 'remote URL host is not allowed: hostname "LocalHost" matches blocked internal hostname "localhost"'],
    ['http://api.localhost:3000/', 'remote URL host is not allowed: hostname "api.localhost" matches blocked internal hostname "localhost"'],
    ['https://kubernetes.default.svc/api', 'remote URL host is not allowed: hostname "kubernetes.default.svc" matches blocked internal hostname "kubernetes.default.svc"'],
    ['https://kubernetes.default.svc.cluster.local/api',
      'remote URL host is not allowed: hostname "kubernetes.default.svc.cluster.local" matches blocked internal hostname "kubernetes.default.svc.cluster.local"'],
    ['https://kubernetes.default/', 'remote URL host is not allowed: hostname "kubernetes.default" matches blocked internal hostname "kubernetes.default"'],
    ['http://metadata.google.internal/computeMetadata/v1', 'remote URL host is not allowed: hostname "metadata.google.internal" matches blocked internal hostname "metadata.google.internal"'],
  ])('rejects the internal host name in %s even with allowPrivateEndpoint', (url, message) => {
    expect(messages([proxy(url, { allowPrivateEndpoint: true })], 'operator.remote-url.blocked-host', MAIN)).toEqual([message]);
  });
});

describe('remote URL: private targets', () => {
  it.each([
    ['http://10.1.2.3:8080/mcp', 'remote URL host is not allowed: IP address 10.1.2.3 falls within blocked range 10.0.0.0/8'],
    ['http://172.31.255.255/mcp', 'remote URL host is not allowed: IP address 172.31.255.255 falls within blocked range 172.16.0.0/12'],
    ['http://192.168.1.10/mcp', 'remote URL host is not allowed: IP address 192.168.1.10 falls within blocked range 192.168.0.0/16'],
    ['http://[fd12:3456::1]/mcp', 'remote URL host is not allowed: IP address fd12:3456::1 falls within blocked range fc00::/7'],
    ['http://[::ffff:10.0.0.1]/mcp', 'remote URL host is not allowed: IP address ::ffff:10.0.0.1 falls within blocked range 10.0.0.0/8'],
  ])('rejects %s without allowPrivateEndpoint', (url, message) => {
    expect(messages([proxy(url)], 'operator.remote-url.blocked-ip')).toEqual([message]);
  });

  it('accepts addresses just outside the private ranges', () => {
    expect(findings([proxy('http://172.32.0.1/mcp'), toolhive('MCPRemoteProxy', 'other', { remoteUrl: 'http://11.0.0.1/' })])).toEqual([]);
  });

  it('rejects a cluster.local name without allowPrivateEndpoint on an MCPServerEntry', () => {
    expect(messages([group, entry('http://github-mcp.tools.svc.cluster.local:8080/mcp')], 'operator.remote-url.blocked-host')).toEqual([
      'remote URL host is not allowed: hostname "github-mcp.tools.svc.cluster.local" matches blocked internal hostname "cluster.local"',
    ]);
  });

  it('accepts a cluster.local name on an MCPServerEntry with allowPrivateEndpoint', () => {
    expect(findings([group, entry('http://github-mcp.tools.svc.cluster.local:8080/mcp', { allowPrivateEndpoint: true })], MAIN)).toEqual([]);
  });
});

describe('remote URL: malformed', () => {
  it.each([
    ['http://exa mple.com/', 'remote URL is invalid: parse "http://exa mple.com/": invalid character " " in host name'],
    ['http://example.com:80x/', 'remote URL is invalid: parse "http://example.com:80x/": invalid port ":80x" after host'],
    ['http://[::1/', 'remote URL is invalid: parse "http://[::1/": missing \']\' in host'],
    ['http://%6cocalhost/', 'remote URL is invalid: parse "http://%6cocalhost/": invalid URL escape "%6c"'],
    ['https://[127.0.0.1]/', 'remote URL is invalid: parse "https://[127.0.0.1]/": invalid IP-literal'],
  ])('rejects %s', (url, message) => {
    expect(messages([proxy(url)], 'operator.remote-url.invalid')).toEqual([message]);
  });

  it('rejects a URL without a host', () => {
    expect(messages([proxy('http:///mcp')], 'operator.remote-url.invalid')).toEqual(['remote URL must have a valid host']);
  });

  it('rejects a scheme that only passes the CRD pattern by prefix', () => {
    expect(messages([proxy('https://user@/x')], 'operator.remote-url.invalid')).toEqual(['remote URL must have a valid host']);
  });
});

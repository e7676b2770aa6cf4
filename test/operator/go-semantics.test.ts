/** The Go standard-library behaviours the operator rules reproduce (expected values taken from Go). */
import { cedarSyntaxProblem } from '../../src/validation/operator/cedar';
import { formatGoDuration, parseGoDuration } from '../../src/validation/operator/go/duration';
import { cidr, cidrContains, parseAddr, parseIP } from '../../src/validation/operator/go/ip';
import { goQuote } from '../../src/validation/operator/go/quote';
import { checkGoTemplate } from '../../src/validation/operator/go/template';
import { goHostname, parseGoRequestURI, parseGoURL } from '../../src/validation/operator/go/url';

const ns = (s: string) => {
  const r = parseGoDuration(s);
  return r.ok ? r.ns : r.error;
};

describe('time.ParseDuration', () => {
  it.each([
    ['0', 0n], ['1s', 1_000_000_000n], ['1.5h', 5_400_000_000_000n], ['-1m30s', -90_000_000_000n], ['+10ms', 10_000_000n],
    ['1h2m3.004s', 3_723_004_000_000n], ['.5us', 500n], ['3\u00b5s', 3_000n], ['3\u03bcs', 3_000n], ['1ns', 1n],
  ])('parses %s', (s, expected) => {
    expect(ns(s)).toBe(expected);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['.s', 'time: invalid duration ".s"'],
    ['s', 'time: invalid duration "s"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['1\u00e9s', 'time: unknown unit "\\xc3\\xa9s" in duration "1\\xc3\\xa9s"'],
  ])('fails to parse %j', (s, error) => {
    expect(ns(s)).toBe(error);
  });
});

describe('time.Duration.String', () => {
  it.each([
    [0n, '0s'], [1n, '1ns'], [1_500n, '1.5\u00b5s'], [1_500_000n, '1.5ms'], [1_000_000_000n, '1s'], [60_000_000_000n, '1m0s'],
    [3_723_004_000_000n, '1h2m3.004s'], [-90_000_000_000n, '-1m30s'], [45_000_000_000n, '45s'],
  ])('formats %s', (d, text) => {
    expect(formatGoDuration(d)).toBe(text);
  });
});

describe('netip.ParseAddr / net.ParseIP', () => {
  it('parses IPv4, IPv6 and IPv4-mapped addresses', () => {
    expect(parseIP('10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 0, 0, 1]);
    expect(parseIP('::1')).toEqual([...new Array(15).fill(0), 1]);
    expect(parseIP('2001:db8::ff00:42:8329')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29]);
    expect(parseIP('::ffff:192.168.1.1')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 192, 168, 1, 1]);
  });

  it('fails on what Go rejects: leading zeros, zones, bad groups', () => {
    expect(parseIP('010.0.0.1')).toBeUndefined();
    expect(parseIP('fe80::1%eth0')).toBeUndefined();
    expect(parseIP('127.1')).toBeUndefined();
    expect(parseAddr('1.2.3.256')).toEqual({ ok: false, error: 'ParseAddr("1.2.3.256"): IPv4 field has value >255' });
    expect(parseAddr('1::2::3')).toEqual({ ok: false, error: 'ParseAddr("1::2::3"): multiple :: in address (at ":3")' });
    expect(parseAddr('example.com')).toEqual({ ok: false, error: 'ParseAddr("example.com"): unexpected character (at "example.com")' });
    expect(parseAddr('localhost')).toEqual({ ok: false, error: 'ParseAddr("localhost"): unable to parse IP' });
  });

  it('matches CIDR blocks per family, IPv4-mapped addresses as IPv4', () => {
    expect(cidrContains(cidr('172.16.0.0/12'), parseIP('172.31.0.1')!)).toBe(true);
    expect(cidrContains(cidr('172.16.0.0/12'), parseIP('172.32.0.1')!)).toBe(false);
    expect(cidrContains(cidr('fe80::/10'), parseIP('febf::1')!)).toBe(true);
    expect(cidrContains(cidr('fe80::/10'), parseIP('fec0::1')!)).toBe(false);
    expect(cidrContains(cidr('::/128'), parseIP('::ffff:0.0.0.0')!)).toBe(false);
    // Go keeps the families apart where node:net BlockList alone would not
    expect(cidrContains(cidr('::ffff:0:0/96'), parseIP('10.0.0.1')!)).toBe(false);
    expect(cidrContains(cidr('10.0.0.0/8'), parseIP('::ffff:10.0.0.1')!)).toBe(true);
    expect(cidrContains(cidr('::/128'), parseIP('::')!)).toBe(true);
    expect(cidrContains(cidr('fc00::/7'), parseIP('::10.0.0.1')!)).toBe(false);
    expect(cidrContains(cidr('0.0.0.0/8'), parseIP('::0.0.0.1')!)).toBe(false);
  });
});

describe('url.Parse / url.ParseRequestURI', () => {
  it('splits the parts like Go', () => {
    const r = parseGoURL('HTTPS://user:p%40ss@[::1]:8443/a%20b?q=1#frag');
    expect(r.ok && r.url).toEqual({ scheme: 'https', opaque: '', user: 'user:p%40ss', host: '[::1]:8443', path: '/a b', rawQuery: 'q=1', fragment: 'frag' });
    expect(r.ok && goHostname(r.url)).toBe('::1');
    const opaque = parseGoURL('mailto:someone@example.com');
    expect(opaque.ok && opaque.url.opaque).toBe('someone@example.com');
  });

  it.each([
    ['http://a b.com/', 'parse "http://a b.com/": invalid character " " in host name'],
    ['http://x/%zz', 'parse "http://x/%zz": invalid URL escape "%zz"'],
    ['http://x/\u0001', 'parse "http://x/\\x01": net/url: invalid control character in URL'],
    ['1http://x', 'parse "1http://x": first path segment in URL cannot contain colon'],
    ['http://x#%zz', 'parse "http://x#%zz": invalid URL escape "%zz"'],
    ['http://us er@x/', 'parse "http://us er@x/": net/url: invalid userinfo'],
  ])('fails to parse %j', (raw, error) => {
    expect(parseGoURL(raw)).toEqual({ ok: false, error });
  });

  it('ParseRequestURI rejects relative references and empty input', () => {
    expect(parseGoRequestURI('relative/path')).toEqual({ ok: false, error: 'parse "relative/path": invalid URI for request' });
    expect(parseGoRequestURI('')).toEqual({ ok: false, error: 'parse "": empty url' });
    expect(parseGoRequestURI('/ok').ok).toBe(true);
  });
});

describe('strconv.Quote', () => {
  it('escapes like Go', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"');
    expect(goQuote('\u0000\u007f\u00a0é')).toBe('"\\x00\\x7f\\u00a0é"');
  });
});

describe('text/template parse', () => {
  const check = (s: string) => checkGoTemplate(s, 'validation', ['json', 'quote', 'fromJson']).error;

  it('accepts valid templates', () => {
    for (const s of ['plain', '{{ .a }}', '{{- .a -}}', '{{-\t.a\t-}}', '{{-\n.a\n-}}', '{{- /* trimmed */ -}}', '{{/* note */}}', '{{ with .a }}{{ . }}{{ else with .b }}{{ end }}', '{{ range $i, $e := .a }}{{ $i }}{{ continue }}{{ end }}',
      '{{ define "x" }}x{{ end }}{{ template "x" . }}', '{{ block "y" . }}y{{ end }}', '{{ "}}" }}', '{{ `a}}b` }}', '{{ \'}\' }}', '{{ .a\n| json }}', '{{ 1.5e3 }}', '{{ 0x1F }}']) {
      expect([s, check(s)]).toEqual([s, undefined]);
    }
  });

  it('fails like Go, with the line number', () => {
    expect(check('a\nb {{ .x }}\n{{ end }}')).toBe('template: validation:3: unexpected {{end}}');
    expect(check('{{ if .a }}\n{{ else }}\n')).toBe('template: validation:3: unexpected EOF');
    expect(check('{{ /* x */ }}')).toBe('template: validation:1: unexpected "/" in command');
    expect(check('{{/* x */ .a }}')).toBe('template: validation:1: comment ends before closing delimiter');
    expect(check('{{ define "a" }}{{ else }}{{ end }}')).toBe('template: validation:1: unexpected {{else}} in define clause');
    expect(check('{{ .a | €x }}')).toBe('template: validation:1: unrecognized character in action: U+20AC \'€\'');
    expect(check('{{ if .a }}{{ end .a }}')).toBe('template: validation:1: unexpected ".a" in end');
    expect(check('{{ .a ) }}')).toBe('template: validation:1: unexpected right paren');
    expect(check('{{ range .a }}{{ else }}{{ break }}{{ end }}')).toBe('template: validation:1: {{break}} outside {{range}}');
    expect(check('{{ block }}')).toBe('template: validation:1: unexpected "}}" in block clause');
    expect(check('{{ block "b" }}{{ end }}')).toBe('template: validation:1: missing value for block clause');
    expect(check('{{ define "a" .x }}{{ end }}')).toBe('template: validation:1: unexpected ".x" in define clause');
    expect(check('{{ range .a }}{{ else toolong_identifier }}{{ end }}')).toBe('template: validation:1: unexpected "toolong_id"... in else');
    expect(check('{{ .a , undefinedFn }}')).toBeUndefined(); // Go fails on "," first; not modelled, so nothing is reported
  });

  it('tracks variable scopes like Go', () => {
    expect(check('{{ $x := .a }}{{ $x.b }}{{ $ }}')).toBeUndefined();
    expect(check('{{ range $i, $e := .a }}{{ $i }}{{ $e }}{{ end }}')).toBeUndefined();
    expect(check('{{ if $v := .a }}{{ $v }}{{ else }}{{ $v }}{{ end }}')).toBeUndefined();
    expect(check('{{ $item }}')).toBe('template: validation:1: undefined variable "$item"');
    expect(check('{{ range $i, $e := .a }}{{ end }}\n{{ $e }}')).toBe('template: validation:2: undefined variable "$e"');
    expect(check('{{ $x := 1 }}{{ define "t" }}{{ $x }}{{ end }}')).toBe('template: validation:1: undefined variable "$x"');
  });

  it('collects field references', () => {
    expect(checkGoTemplate('{{ .steps.a.output.b }} {{ $.steps.c }} {{ (index .x 0).y }}', 'extract', []).fields).toEqual(['steps.a.output.b', 'x', 'y']);
  });
});

describe('Cedar policy structure', () => {
  it('accepts policies cedar-go parses', () => {
    expect(cedarSyntaxProblem('@id("a") @advice("b")\npermit (principal, action, resource);')).toBeUndefined();
    expect(cedarSyntaxProblem('forbid(principal == Namespace::User::"a", action in Action::"group", resource in Folder::"f") when { context.x } unless { false };')).toBeUndefined();
  });

  it('fails on structural errors', () => {
    expect(cedarSyntaxProblem('@id("a") @id("b") permit(principal, action, resource);')).toBe('duplicate annotation: @id');
    expect(cedarSyntaxProblem('permit(principal, action in [Action::"a" Action::"b"], resource);')).toBe('expected "," or "]" but found "Action"');
    expect(cedarSyntaxProblem('permit(principal, action, resource) when { (a };')).toBe('mismatched "}" in when condition: expected ")"');
    expect(cedarSyntaxProblem('permit(principal, action, resource) if { true };')).toBe('expected ";" but found "if"');
  });
});

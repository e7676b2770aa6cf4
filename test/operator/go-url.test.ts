/** Go 1.26 `net/url` host parsing, the parts added when the auth and operator URL ports were merged (expected values from Go's source). */
import { goHostname, parseGoRequestURI, parseGoURL } from '../../src/validation/operator/go/url';

describe('url.Parse host checks (Go 1.26)', () => {
  it('fails on IP-literals that are not IPv6 or do not start the host', () => {
    expect(parseGoURL('https://[example.com]/')).toEqual({ ok: false, error: 'parse "https://[example.com]/": invalid host: ParseAddr("example.com"): unexpected character (at "example.com")' });
    expect(parseGoURL('https://[10.0.0.1]:443/')).toEqual({ ok: false, error: 'parse "https://[10.0.0.1]:443/": invalid IP-literal' });
    expect(parseGoURL('https://a[::1]/')).toEqual({ ok: false, error: 'parse "https://a[::1]/": invalid IP-literal' });
  });

  it('rejects a second colon in http and https hosts only (urlstrictcolons)', () => {
    expect(parseGoURL('https://a:1:2/')).toEqual({ ok: false, error: 'parse "https://a:1:2/": invalid port ":1:2" after host' });
    expect(parseGoRequestURI('http://::1/')).toEqual({ ok: false, error: 'parse "http://::1/": invalid port "::1" after host' });
    const multiHost = parseGoURL('postgres://h1:5432,h2:5432/db');
    expect(multiHost.ok && multiHost.url.host).toBe('h1:5432,h2:5432');
  });

  it('decodes escapes as UTF-8 in host, path and fragment, and keeps zones', () => {
    const r = parseGoURL('https://%C3%A9x.com:8443/a%C3%A9#%C3%A9');
    expect(r.ok && [r.url.host, r.url.path, r.url.fragment, goHostname(r.url)]).toEqual(['éx.com:8443', '/aé', 'é', 'éx.com']);
    const zoned = parseGoURL('http://[fe80::1%25en0]:8080/');
    expect(zoned.ok && goHostname(zoned.url)).toBe('fe80::1%en0');
  });
});

import { isLoopbackHost, isPrivateIpLiteral } from '../../src/validation/operator/go/hosts';
import { goHostname, goParseUrl } from '../../src/validation/operator/go/url';

describe('goParseUrl (Go net/url.Parse)', () => {
  it('splits scheme, userinfo, host, path, query and fragment', () => {
    expect(goParseUrl('https://user:pw@auth.example.com:8443/a/b?x=1#frag')).toEqual({
      url: { scheme: 'https', opaque: '', user: 'user:pw', host: 'auth.example.com:8443', path: '/a/b', rawQuery: 'x=1', fragment: 'frag' },
    });
  });

  it('treats a rootless path after the scheme as opaque, like Go', () => {
    expect(goParseUrl('api:my-app').url).toMatchObject({ scheme: 'api', opaque: 'my-app', host: '' });
  });

  it('rejects an invalid port with Go\'s message', () => {
    expect(goParseUrl('https://auth.example.com:abc/x')).toEqual({ error: 'parse "https://auth.example.com:abc/x": invalid port ":abc" after host' });
  });

  it('rejects an invalid escape and a bad host character with Go\'s messages', () => {
    expect(goParseUrl('https://example.com/a%zzb')).toEqual({ error: 'parse "https://example.com/a%zzb": invalid URL escape "%zz"' });
    expect(goParseUrl('https://exa{mple.com/')).toEqual({ error: 'parse "https://exa{mple.com/": invalid character "{" in host name' });
  });

  it('rejects a missing scheme before a colon and control characters', () => {
    expect(goParseUrl(':foo')).toEqual({ error: 'parse ":foo": missing protocol scheme' });
    expect(goParseUrl('https://a.example.com/\n')).toEqual({ error: 'parse "https://a.example.com/\\n": net/url: invalid control character in URL' });
  });
});

describe('host predicates', () => {
  it('recognises loopback hosts with and without ports', () => {
    expect(['localhost', 'LOCALHOST:9000', '127.0.0.1', '127.1.2.3:80', '::1', '[::1]:8443'].map(isLoopbackHost)).toEqual([true, true, true, true, true, true]);
    expect(['auth.example.com', '10.0.0.1', 'localhost.example.com'].map(isLoopbackHost)).toEqual([false, false, false]);
  });

  it('recognises private IP literals but never hostnames', () => {
    expect(['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', 'fd00::1', 'fe80::1'].map(isPrivateIpLiteral)).toEqual(Array(7).fill(true));
    expect(['8.8.8.8', '172.32.0.1', 'internal.example.com', '2001:db8::1'].map(isPrivateIpLiteral)).toEqual([false, false, false, false]);
  });

  it('strips ports and brackets like URL.Hostname()', () => {
    expect(['auth.example.com:8443', '[::1]:80', 'auth.example.com'].map(goHostname)).toEqual(['auth.example.com', '::1', 'auth.example.com']);
  });
});

/** Host predicates the auth rules use, checked against the operator's Go (`oauthproto.IsLoopbackHost`, `networking.IsPrivateIP`). */
import { isLoopbackHost, isPrivateIpLiteral } from '../../src/validation/operator/go/hosts';

describe('oauthproto.IsLoopbackHost', () => {
  it('accepts what net.SplitHostPort and net.ParseIP make loopback', () => {
    expect(['[::1]', '127.0.0.1:', '::ffff:127.0.0.1', '[::ffff:127.0.0.1]:80', '0:0:0:0:0:0:0:1'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
  });

  it('rejects addresses net.ParseIP refuses and malformed host:port', () => {
    expect(['127.000.000.001', '[::1]junk', 'localhost:80:80', '127.1', '::2'].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
  });
});

describe('networking.IsPrivateIP', () => {
  it('covers unspecified, link-local multicast, IPv4-mapped and translated addresses', () => {
    expect(['::', '0.0.0.0', 'ff02::1', '224.0.0.251', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1', '2001:0:1::1', '64:ff9b:1:2::1'].map(isPrivateIpLiteral))
      .toEqual(Array(9).fill(true));
  });

  it('rejects public addresses, short forms outside the blocks, zoned and leading-zero literals as not private', () => {
    expect(['fe8::1', 'fc::1', '64:ff9b::808:808', '2002:0808:0808::1', 'fe80::1%eth0', '010.0.0.1'].map(isPrivateIpLiteral)).toEqual(Array(6).fill(false));
  });
});

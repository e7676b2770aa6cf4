import { goCompare } from '../../src/bindings/names';

/** Go's string order, by code points (the definition goCompare's fast path must agree with). */
function byCodePoints(a: string, b: string): number {
  const ca = [...a].map(c => c.codePointAt(0)!);
  const cb = [...b].map(c => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
  return ca.length - cb.length;
}

describe('goCompare orders like Go (by UTF-8 bytes = code points)', () => {
  const samples = [
    '', 'A', 'B', 'a', 'b', 'MCP_PORT', 'MCP_PORTX', 'MCP_HOST', 'FASTMCP_PORT', 'HOME', 'XDG_CONFIG_HOME',
    '\uFFFD', '\uE000', '\u{1F600}', 'a\u{1F600}', 'a\uFFFD', 'a\u{1F600}b', 'a\u{1F600}a', '\uD83D', 'a\uD83D', 'é', 'e',
  ];

  test('agrees in sign with the code point order on every pair, prefixes and surrogates included', () => {
    for (const a of samples) {
      for (const b of samples) expect([a, b, Math.sign(goCompare(a, b))]).toEqual([a, b, Math.sign(byCodePoints(a, b))]);
    }
  });

  test('fails the UTF-16 order where Go differs: a supplementary character sorts after U+FFFD', () => {
    expect(goCompare('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFD').toBe(true);
  });
});

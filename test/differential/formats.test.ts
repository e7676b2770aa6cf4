/**
 * The string formats against the Go code they reproduce (kube-openapi strfmt, Go time and net/url): one case per
 * branch, valid and invalid, and a linear-time check on long inputs.
 */
import { FORMATS } from './emulator';
import { prng } from './generator';
import { isDateTime, isDuration, isGoDuration, isRequestURI } from '../../src/validation/apiserver/formats';

describe('duration: Go time.ParseDuration', () => {
  test.each(['0', '-0', '+0', '5s', '1m30s', '1.5h', '.5s', '5.s', '300ms', '2us', '2µs', '2μs', '-1h', '9223372036854775807ns', '-9223372036854775808ns', '2562047h'])('accepts %j', s => {
    expect(isGoDuration(s)).toBe(true);
  });
  test.each(['', '5', '.s', '-', '5x', '5S', '1h ', ' 1h', '9223372036854775808ns', '2562048h', '99999999999999999999s', '1.5', '5 s'])('rejects %j', s => {
    expect(isGoDuration(s)).toBe(false);
  });
});

describe('duration: kube-openapi strfmt ParseDuration (unanchored unit matcher)', () => {
  test.each([
    ['5S', 'capital unit'],
    ['5 seconds', 'unit word with a prefix match on "sec"'],
    ['5\tdays', 'tab between number and unit'],
    ['in 5 days', 'text around a match'],
    ['1 minute', '"min" prefix'],
    ['2 weeks', '"week" prefix'],
    ['3 hours', '"hour" prefix'],
    ['7 nanos', '"nano" prefix'],
    ['5hrs 3s', 'any known unit makes it valid'],
    ['2562048h', 'overflow of time.ParseDuration, accepted by the fallback (the sum wraps in Go)'],
    ['5ms', 'a Go duration'],
    ['1D', 'days are a strfmt unit'],
  ])('accepts %j (%s)', s => {
    expect(isDuration(s)).toBe(true);
  });
  test.each([
    ['soon', 'no number'],
    ['5', 'no unit'],
    ['5 hrs', '"hrs" is no variant'],
    ['5 wks', '"wks" is no variant'],
    ['5 sx', 'unknown unit'],
    ['99999999999999999999h', 'the number overflows int64 (strconv.Atoi error)'],
    ['5s 99999999999999999999x', 'an overflowing match fails the whole string even after a valid one'],
    ['5.', 'a dot is not a unit letter'],
    ['5 \u000b s', 'vertical tab is not RE2 \\s'],
  ])('rejects %j (%s)', s => {
    expect(isDuration(s)).toBe(false);
  });
});

describe('date-time: kube-openapi strfmt IsDateTime', () => {
  test.each([
    '2024-01-02T03:04:05Z', '2024-01-02t03:04:05z', '2024-01-02T03:04:05.123Z', '2024-01-02T03:04:05+01:00',
    '2024-02-29T00:00:00Z', '2024-01-02T23:59:59Z', '2024-01-02T03:04:05x9Z', '2024-01-02T03:04:05ZTtrailing',
  ])('accepts %j', s => {
    expect(isDateTime(s)).toBe(true);
  });
  test.each([
    '', '2024-01-02', '2024-01-02 03:04:05Z', '2024-13-02T03:04:05Z', '2023-02-29T00:00:00Z', '2024-01-02T24:00:00Z',
    '2024-01-02T03:60:05Z', '2024-01-02T03:04:05', '2024-01-02T03:04:05+0100', '24-01-02T03:04:05Z', '2024-01-02T03:04:05.Z',
    '2024-01-02T03:04:05\n1Z',
  ])('rejects %j', s => {
    expect(isDateTime(s)).toBe(false);
  });
});

describe('uri: Go url.ParseRequestURI', () => {
  test.each(['*', '/path', 'https://example.com', 'https://example.com/a?b=c', 'mailto:x@example.com', 'https://[::1]:8443/x', 'https://example.com:/x', 'urn:isbn:123'])('accepts %j', s => {
    expect(isRequestURI(s)).toBe(true);
  });
  test.each([
    ['', 'empty'],
    ['relative/path', 'not absolute'],
    ['https://ex%2Fample.com/', 'an escaped ASCII byte in the host'],
    ['https://exa{mple.com/', '{ in the host'],
    ['https://exa|mple.com/', '| in the host'],
    ['https://example.com#frag', 'a fragment right after the host is part of the host'],
    ['https://example.com:port/', 'a non-numeric port'],
    ['https://[::1/', 'an unclosed bracket'],
    ['https://example.com/%zz', 'a bad escape'],
    ['http://a b.com/', 'a space in the host'],
    [':foo', 'missing scheme'],
  ])('rejects %j (%s)', s => {
    expect(isRequestURI(s)).toBe(false);
  });
  test('keeps `#` and `{` in the path, as Go does (no fragment handling in ParseRequestURI)', () => {
    expect(isRequestURI('https://example.com/{x}')).toBe(true);
    expect(isRequestURI('https://example.com/#frag')).toBe(true);
  });
});

describe('linear time on long inputs', () => {
  test.each([
    ['duration digits', () => isDuration('9'.repeat(200_000))],
    ['duration matches', () => isDuration('1 x'.repeat(100_000))],
    ['duration spaces', () => isDuration('1' + ' '.repeat(200_000))],
    ['date-time', () => isDateTime('2024-01-02T03:04:05' + '1'.repeat(200_000) + 'Z')],
    ['uri', () => isRequestURI('https://example.com/' + 'a%20'.repeat(50_000))],
  ])('%s finishes', (_name, run) => {
    // no timing assertion (speed is measured in bench/): a super-linear scanner would time the test out
    expect(typeof run()).toBe('boolean');
  });
});

describe('random strings: the scanners agree with the emulation (RE2 and regular expressions from the Go code)', () => {
  const ALPHABETS: Record<string, { parts: readonly string[]; engine: (s: string) => boolean }> = {
    'duration': { engine: isDuration, parts: ['1', '5', '0', '99999999999999999999', '.', '-', '+', ' ', '\t', 's', 'S', 'ms', 'h', 'm', 'µ', 'μ', 'us', 'd', 'day', 'sec', 'min', 'hour', 'hr', 'wk', 'week', 'x', 'ns', 'nano'] },
    'date-time': { engine: isDateTime, parts: ['2024', '-', '01', '02', '29', '13', 'T', 't', ' ', '03', ':', '04', '05', '60', '24', '.', '123', 'Z', 'z', '+', '01:00', 'x', '\n', '😀'] },
    'uri': { engine: isRequestURI, parts: ['https', 'http', 'mailto', ':', '//', '/', 'example.com', '[', ']', '::1', '%25', '%2F', '%zz', '%C3%A9', '@', 'user', '?', '#', '{', '|', ' ', '80', 'port', '*', 'a', 'é', '.', '-'] },
  };
  test.each(Object.keys(ALPHABETS))('%s: 3000 strings, same verdict', format => {
    const { parts, engine } = ALPHABETS[format];
    const rnd = prng(7);
    const disagreements: string[] = [];
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const pick = (xs: readonly string[]) => xs[Math.floor(rnd() * xs.length)];
      let s = '';
      if (format === 'date-time') {
        // composed piece by piece, each piece valid or not, so both verdicts are frequent
        s = pick(['2024', '2023', '1900', '2000', '2024', '24', '2a24']) + pick(['-', '-', '-', '/']) + pick(['01', '02', '02', '12', '13', '00']) + '-'
          + pick(['28', '29', '29', '30', '31', '00']) + pick(['T', 't', 'T', ' ']) + pick(['00', '23', '12', '24']) + ':'
          + pick(['00', '59', '30', '60']) + pick([':', ':', ':', '']) + pick(['00', '59', '30', '60']) + pick(['', '', '.5', '.123', 'x9', '.', '\n1', '😀1'])
          + pick(['Z', 'z', '+01:00', '-23:59', 'Z', '+0100', '', 'ZZ']) + pick(['', '', 'T', 'tail']);
      } else {
        const n = 1 + Math.floor(rnd() * 8);
        for (let j = 0; j < n; j++) s += pick(parts);
      }
      if (engine(s)) valid++;
      if (engine(s) !== FORMATS[format](s)) disagreements.push(s);
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
    // both verdicts are exercised
    expect({ format, valid: valid > 30, invalid: valid < 2970 }).toEqual({ format, valid: true, invalid: true });
  });
});

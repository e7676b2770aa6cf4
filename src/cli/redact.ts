/**
 * Last line of defence for "never print a secret's value": every string the CLI prints from the engine
 * passes through a redactor that knows the values of the Secrets it read.
 */

/** Values shorter than this are not redacted: they would mangle ordinary words in messages. */
const MIN_LENGTH = 4;
export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

/**
 * Collects the values of every `v1` Secret (`stringData` values, `data` values and their base64
 * decoding) and returns a function that replaces them in a string.
 */
export function secretRedactor(objects: readonly unknown[]): Redactor {
  const values = new Set<string>();
  for (const o of objects) {
    if (!isDict(o) || o.kind !== 'Secret') continue;
    for (const v of Object.values(isDict(o.stringData) ? o.stringData : {})) {
      if (typeof v === 'string') values.add(v);
    }
    for (const v of Object.values(isDict(o.data) ? o.data : {})) {
      if (typeof v !== 'string') continue;
      values.add(v);
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (!decoded.includes('\ufffd')) values.add(decoded);
    }
  }
  // Longest first, so a value that contains another is replaced whole.
  const list = [...values]
    .flatMap(v => [v, ...v.split(/\r?\n/)])
    .map(v => v.trim())
    .filter(v => v.length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (list.length === 0) return text => text;
  return text => list.reduce((acc, v) => acc.split(v).join(REDACTED), text);
}

function isDict(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

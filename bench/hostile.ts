/**
 * Pathological input (issue 9): per-object time of objects built to be slow — every string field long and shaped
 * against its check (durations that made the old expression backtrack, URIs, date-times, pattern fields,
 * quantities), every list at its schema maximum — against a normal object. Linear-time checks and the CEL budget
 * keep the ratio to a small factor of the extra bytes.
 *
 *   npx ts-node --transpile-only bench/index.ts hostile          (BENCH_HOSTILE_N objects per kind, default 50)
 */
import { mixedObjects } from './fixtures';
import type { Row } from './validate';
import type { KubeObject } from '../src/core/types';
import { rootSchema, toolhiveKinds } from '../src/schema/registry';
import type { SchemaNode } from '../src/schema/types';
import { admitObject } from '../src/validation/admission';
import { resolveOptions } from '../src/validation/manifest-set';
import { redactor } from '../src/validation/redact';

/** Length of every string (and of each list without maxItems). */
const LONG = 4096;
const LIST_WITHOUT_MAX = 64;

/** A long string shaped against the field's check: the inputs that made backtracking checks slow. */
function longString(s: SchemaNode): string {
  switch (s.format) {
    case 'duration': return `${'1s   '.repeat(LONG / 5)}!`;
    case 'uri': return `https://${'a'.repeat(LONG)}:99999999/${'%'.repeat(8)}`;
    case 'date-time': return `2024-01-01T00:00:00.${'0'.repeat(LONG)}x`;
    default: return s.pattern ? `${'a'.repeat(LONG)}!` : `${'0'.repeat(LONG)}x`;
  }
}

/** An object with every field of `s` filled, strings long, lists at their maximum (bounded in depth). */
function fill(s: SchemaNode | undefined, depth: number, lists = 0): unknown {
  if (!s || depth > 10) return undefined;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string': return longString(s);
    case 'integer': return 2 ** 31;
    case 'number': return 1e308;
    case 'boolean': return true;
    case 'array': {
      // lists at their maximum; nested lists multiply, so below the first list level one item each
      const n = lists === 0 ? Math.min(s.maxItems ?? LIST_WITHOUT_MAX, LIST_WITHOUT_MAX) : 1;
      return Array.from({ length: n }, (_, i) => {
        const item = fill(s.items, depth + 1, lists + 1);
        // list-map keys and sets must stay distinct, or the duplicate check reports n² pairs
        return typeof item === 'string' ? `${i}${item}` : item && typeof item === 'object' && !Array.isArray(item) ? { ...item, name: `n${i}` } : item;
      });
    }
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        const v = fill(sub, depth + 1, lists);
        if (v !== undefined) out[k] = v;
      }
      if (typeof s.additionalProperties === 'object') out.extra = fill(s.additionalProperties, depth + 1, lists);
      return out;
    }
  }
}

function pathological(perKind: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (const k of toolhiveKinds()) {
    const version = k.versions.find(v => v.served && v.storage) ?? k.versions[0];
    const schema = rootSchema(k.kind, version.name);
    const spec = fill(schema?.properties?.spec, 1);
    for (let i = 0; i < perKind; i++) {
      out.push({ apiVersion: `${k.group}/${version.name}`, kind: k.kind, metadata: { name: `p${i}`, namespace: 'bench' }, spec } as KubeObject);
    }
  }
  return out;
}

/** The CEL case: a quadratic rule over 10,000 subjectBindings (70 s before the budget). */
function subjectBindings(n: number): KubeObject {
  return {
    apiVersion: 'toolhive.stacklok.dev/v1beta1',
    kind: 'MCPExternalAuthConfig',
    metadata: { name: 'as', namespace: 'bench' },
    spec: {
      type: 'embeddedAuthServer',
      embeddedAuthServer: {
        issuer: 'https://auth.example.com',
        upstreamProviders: [{ name: 'okta', type: 'oidc', oidcConfig: { issuerUrl: 'https://okta.example.com', clientId: 'c' } }],
        trustedIssuers: [{
          issuerUrl: 'https://idp.example.com',
          jwtBearerGrant: { maxAssertionAge: '5m', subjectBindings: Array.from({ length: n }, (_, i) => ({ subject: `s${i}`, allowedResources: ['https://api.example.com'] })) },
        }],
      },
    },
  };
}

/** Best per-object µs of admitObject (layers 1–4, where formats, patterns, quantities and CEL run). */
function perObject(objs: readonly KubeObject[], rounds: number, release?: string): number {
  const options = resolveOptions({ operatorRelease: release });
  const run = () => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < objs.length; i++) admitObject(objs[i], i, options);
    return Number(process.hrtime.bigint() - t) / 1e3 / objs.length;
  };
  run();
  return Math.min(...Array.from({ length: rounds }, run));
}

/**
 * Redaction when every secret value shares a long prefix and the text repeats it: the old per-prefix index compared
 * each value at each position (values × text); the automaton is linear in both. Milliseconds for `values` values
 * and a text of `values` prefixes.
 */
function redaction(values: number): number {
  const prefix = 'sk-live-'.padEnd(64, 'x');
  const secrets = Array.from({ length: values }, (_, k) => `${prefix}${k}`);
  const text = `${prefix.slice(0, -1)} `.repeat(values);
  const t = process.hrtime.bigint();
  redactor(secrets)(text);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function benchHostile(): Row[] {
  const n = Number(process.env.BENCH_HOSTILE_N ?? 50);
  const normal = mixedObjects(n * 10);
  const bad = pathological(n);
  const bytes = (objs: readonly KubeObject[]) => objs.reduce((sum, o) => sum + JSON.stringify(o).length, 0) / objs.length;
  const tNormal = perObject(normal, 3);
  const tBad = perObject(bad, 3);
  const ratioBytes = bytes(bad) / bytes(normal);
  return [
    { name: `normal object (mixed kinds, ${(bytes(normal) / 1024).toFixed(1)} KiB each)`, value: tNormal, unit: 'µs' },
    { name: `pathological object (every kind, ${(bytes(bad) / 1024).toFixed(0)} KiB each)`, value: tBad, unit: 'µs' },
    { name: 'time ratio pathological / normal', value: tBad / tNormal, unit: 'x', note: `the pathological objects are ${ratioBytes.toFixed(0)}x larger` },
    { name: 'time per KiB, pathological / normal', value: (tBad / bytes(bad)) / (tNormal / bytes(normal)), unit: 'x', note: 'linear ≈ small constant' },
    { name: 'issue example: 10,000 subjectBindings (quadratic CEL rule, refused by the budget)', value: perObject([subjectBindings(10_000)], 1, 'main@e25de16') / 1e3, unit: 'ms', note: 'was 70 s' },
    ...redactionRows(),
  ];
}

function redactionRows(): Row[] {
  redaction(100); // warm-up
  const small = Math.min(...[1, 2, 3].map(() => redaction(1_000)));
  const large = Math.min(...[1, 2, 3].map(() => redaction(10_000)));
  return [
    { name: 'redaction: 1,000 secrets sharing a 64-character prefix, a text of 1,000 such prefixes', value: small, unit: 'ms' },
    { name: 'redaction: the same with 10,000 secrets and 10,000 prefixes', value: large, unit: 'ms' },
    { name: 'redaction growth 10x secrets and 10x text', value: large / small, unit: 'x', note: 'linear ≈ 10 (values × text would be 100)' },
  ];
}

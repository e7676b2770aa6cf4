/**
 * Just enough of Go's `encoding/json` decoding rules to predict whether `json.Unmarshal` into a known
 * struct fails, and with which `*json.UnmarshalTypeError` text: field names match case-insensitively,
 * unknown keys are ignored, `null` leaves the zero value, the first type error wins.
 */
import { isDict } from '../../../core/util';

export type GoType =
  | { readonly kind: 'string' | 'bool' }
  | { readonly kind: 'int'; readonly name: 'int' | 'int32' | 'int64'; readonly bits: number }
  | { readonly kind: 'slice'; readonly elem: GoType }
  | { readonly kind: 'map'; readonly elem: GoType; readonly name?: string }
  /** A type with its own UnmarshalJSON that fails with a fixed message (e.g. resource.Quantity). */
  | { readonly kind: 'custom'; readonly accepts: (value: unknown) => boolean; readonly error: string }
  | { readonly kind: 'struct'; readonly name: string; readonly pkg: string; readonly fields: Readonly<Record<string, GoType>> };

export const GO_STRING: GoType = { kind: 'string' };
export const GO_BOOL: GoType = { kind: 'bool' };
export const GO_INT: GoType = { kind: 'int', name: 'int', bits: 64 };
export const GO_INT32: GoType = { kind: 'int', name: 'int32', bits: 32 };
export const GO_INT64: GoType = { kind: 'int', name: 'int64', bits: 64 };
export const goSlice = (elem: GoType): GoType => ({ kind: 'slice', elem });
export const goMap = (elem: GoType, name?: string): GoType => ({ kind: 'map', elem, name });
export const goStruct = (pkg: string, name: string, fields: Record<string, GoType>): GoType => ({ kind: 'struct', pkg, name, fields });

function typeName(t: GoType): string {
  switch (t.kind) {
    case 'slice': return `[]${typeName(t.elem)}`;
    case 'map': return t.name ?? `map[string]${typeName(t.elem)}`;
    case 'struct': return `${t.pkg}.${t.name}`;
    case 'int': return t.name;
    case 'custom': return 'custom';
    default: return t.kind;
  }
}

function valueKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/**
 * The value Go decodes into a struct field: the last key that equals the field name exactly or
 * case-insensitively (Go's decoder lets later duplicates overwrite earlier ones).
 */
export function goField(obj: unknown, name: string): unknown {
  if (!isDict(obj)) return undefined;
  let found: unknown = undefined;
  for (const key of Object.keys(obj)) {
    if (key === name || key.toLowerCase() === name.toLowerCase()) found = obj[key];
  }
  return found;
}

interface Ctx { struct: string; path: string[] }

function mismatch(value: unknown, t: GoType, ctx: Ctx | undefined, literal?: string): string {
  const v = literal ?? valueKind(value);
  if (!ctx) return `json: cannot unmarshal ${v} into Go value of type ${typeName(t)}`;
  return `json: cannot unmarshal ${v} into Go struct field ${ctx.struct}.${ctx.path.join('.')} of type ${typeName(t)}`;
}

function check(value: unknown, t: GoType, ctx: Ctx | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (t.kind) {
    case 'string': return typeof value === 'string' ? undefined : mismatch(value, t, ctx);
    case 'bool': return typeof value === 'boolean' ? undefined : mismatch(value, t, ctx);
    case 'int': {
      if (typeof value !== 'number' && typeof value !== 'bigint') return mismatch(value, t, ctx);
      const limit = 2n ** BigInt(t.bits - 1);
      const ok = typeof value === 'bigint' || Number.isInteger(value);
      const big = ok ? BigInt(value) : 0n;
      return ok && big >= -limit && big < limit ? undefined : mismatch(value, t, ctx, `number ${String(value)}`);
    }
    case 'custom':
      return t.accepts(value) ? undefined : t.error;
    case 'map': {
      if (!isDict(value)) return mismatch(value, t, ctx);
      for (const key of Object.keys(value)) {
        const e = check(value[key], t.elem, ctx);
        if (e) return e;
      }
      return undefined;
    }
    case 'slice': {
      if (!Array.isArray(value)) return mismatch(value, t, ctx);
      for (const item of value) {
        const e = check(item, t.elem, ctx);
        if (e) return e;
      }
      return undefined;
    }
    case 'struct': {
      if (!isDict(value)) return mismatch(value, t, ctx);
      for (const key of Object.keys(value)) {
        const field = Object.keys(t.fields).find(f => f === key) ?? Object.keys(t.fields).find(f => f.toLowerCase() === key.toLowerCase());
        if (!field) continue;
        const e = check(value[key], t.fields[field], { struct: t.name, path: [...(ctx?.path ?? []), field] });
        if (e) return e;
      }
      return undefined;
    }
  }
}

/** The error `json.Unmarshal(value, &T{})` returns, or undefined when it decodes. */
export function goUnmarshalError(value: unknown, t: GoType): string | undefined {
  return check(value, t, undefined);
}

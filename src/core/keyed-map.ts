/**
 * Maps keyed by (kind, namespace, name)-like tuples of strings, nested instead of joined: a lookup builds no
 * key string, and the strings' hashes are computed once and cached by the engine (joined keys are new strings,
 * hashed on every lookup). Used on the hot paths of the set layers (tens of thousands of objects per run).
 */

/** A map keyed by three strings. */
export class KeyedMap3<V> {
  private readonly root = new Map<string, Map<string, Map<string, V>>>();

  public get(a: string, b: string, c: string): V | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }

  public has(a: string, b: string, c: string): boolean {
    return this.root.get(a)?.get(b)?.has(c) ?? false;
  }

  public set(a: string, b: string, c: string, value: V): void {
    let mb = this.root.get(a);
    if (!mb) this.root.set(a, mb = new Map());
    let mc = mb.get(b);
    if (!mc) mb.set(b, mc = new Map());
    mc.set(c, value);
  }

  /** Sets the value unless one is there; returns the value kept (the first one). */
  public setIfAbsent(a: string, b: string, c: string, value: V): V {
    let mb = this.root.get(a);
    if (!mb) this.root.set(a, mb = new Map());
    let mc = mb.get(b);
    if (!mc) mb.set(b, mc = new Map());
    const prior = mc.get(c);
    if (prior !== undefined || mc.has(c)) return prior as V;
    mc.set(c, value);
    return value;
  }
}

/** A map keyed by two strings. */
export class KeyedMap2<V> {
  private readonly root = new Map<string, Map<string, V>>();

  public get(a: string, b: string): V | undefined {
    return this.root.get(a)?.get(b);
  }

  public set(a: string, b: string, value: V): void {
    let mb = this.root.get(a);
    if (!mb) this.root.set(a, mb = new Map());
    mb.set(b, value);
  }
}

/** A map keyed by four strings. */
export class KeyedMap4<V> {
  private readonly root = new Map<string, KeyedMap3<V>>();

  public get(a: string, b: string, c: string, d: string): V | undefined {
    return this.root.get(a)?.get(b, c, d);
  }

  /** Sets the value unless one is there; returns the value kept (the first one). */
  public setIfAbsent(a: string, b: string, c: string, d: string, value: V): V {
    let m = this.root.get(a);
    if (!m) this.root.set(a, m = new KeyedMap3());
    return m.setIfAbsent(b, c, d, value);
  }
}

/**
 * Where a node of an object is, for the schema layer: a mutable stack the compiled checks push and pop while
 * they walk (no allocation per node), turned into a {@link Where} chain and rendered only when an issue is
 * reported.
 */

/**
 * Where a node is, as a chain of steps from the object's root: a field, a list item or a map entry. Paths are
 * rendered only for issues, so the walk builds no strings for the (many) nodes without one.
 */
export class Where {
  public constructor(
    public readonly parent: Where | undefined,
    public readonly key: string | number,
    public readonly step: 'field' | 'item' | 'entry',
  ) {}
}

/** The steps from the root to the node being checked; `n` of them are live (the arrays are reused). */
export class PathStack {
  /** A stack holding the steps of `where` (the walk of one node starts there). */
  public static from(where: Where | undefined): PathStack {
    const p = new PathStack();
    const chain: Where[] = [];
    for (let w = where; w; w = w.parent) chain.push(w);
    for (let i = chain.length - 1; i >= 0; i--) p.push(chain[i].key, chain[i].step);
    return p;
  }

  private readonly keys: (string | number)[] = [];
  private readonly steps: Where['step'][] = [];
  private n = 0;

  public push(key: string | number, step: Where['step']): void {
    this.keys[this.n] = key;
    this.steps[this.n] = step;
    this.n++;
  }

  public pop(): void {
    this.n--;
  }

  /** The current node as a {@link Where} chain (built only for an issue). */
  public where(): Where | undefined {
    let w: Where | undefined;
    for (let i = 0; i < this.n; i++) w = new Where(w, this.keys[i], this.steps[i]);
    return w;
  }
}

/** The API server's path: `spec.a[0].b[key]` (`''` at the root). */
export function pathOf(where: Where | undefined): string {
  if (!where) return '';
  const parent = pathOf(where.parent);
  if (where.step === 'field') return parent ? `${parent}.${where.key}` : String(where.key);
  return `${parent}[${where.key}]`;
}

/** kube-openapi's path, used by schema errors: like {@link pathOf} but map entries as `.key` (object_validator.go). */
export function apiPath(where: Where | undefined): string {
  if (!where) return '';
  const parent = apiPath(where.parent);
  if (where.step === 'item') return `${parent}[${where.key}]`;
  return parent ? `${parent}.${where.key}` : String(where.key);
}

/** The schema location CEL rule ids use: `spec.a[*].b{*}` (`''` at the root). */
export function locationOf(where: Where | undefined): string {
  if (!where) return '';
  const parent = locationOf(where.parent);
  if (where.step === 'field') return parent ? `${parent}.${where.key}` : String(where.key);
  return where.step === 'item' ? `${parent}[*]` : `${parent}{*}`;
}

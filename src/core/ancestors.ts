/**
 * The objects on the path of a recursive walk, for cycle checks: a stack, scanned while it is short (manifests and
 * props nest about ten levels; cheaper than hashing every node into a Set), and a Set beside it from
 * SCAN_DEPTH on, so that a deep nesting stays linear.
 */

/** Depth up to which the ancestors are compared one by one. */
const SCAN_DEPTH = 32;

export class Ancestors {
  private readonly stack: object[] = [];
  private set: Set<object> | undefined;

  public has(v: object): boolean {
    if (this.set) return this.set.has(v);
    const s = this.stack;
    for (let i = 0; i < s.length; i++) if (s[i] === v) return true;
    return false;
  }

  public push(v: object): void {
    this.stack.push(v);
    if (this.set) this.set.add(v);
    else if (this.stack.length > SCAN_DEPTH) this.set = new Set(this.stack);
  }

  public pop(): void {
    const v = this.stack.pop()!;
    this.set?.delete(v);
  }
}

/**
 * Measuring helpers shared by the bench suites: full GC before a timed region, wall and CPU time, time spent in
 * garbage collection inside the region, and the bytes allocated in it (from V8's GC profiler).
 */
import * as v8 from 'v8';
import * as vm from 'vm';

/** A full garbage collection, so that a region does not pay for the garbage of the previous one. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

export interface Sample {
  /** Wall milliseconds. */
  readonly wall: number;
  /** CPU milliseconds of this process (user + system, every thread). */
  readonly cpu: number;
  /** Milliseconds the region spent in garbage collection pauses. */
  readonly gc: number;
  /** Bytes allocated on the V8 heap during the region (approximation from heap sizes around each GC). */
  readonly allocated: number;
}

interface HeapStats { heapStatistics: { usedHeapSize: number } }
/** One GC of V8's profiler output; `cost` is its pause in microseconds. */
interface GcStat { cost: number; beforeGC: HeapStats; afterGC: HeapStats }
interface GcProfile { statistics: GcStat[] }
interface GcProfilerLike { start(): void; stop(): GcProfile | undefined }

/**
 * Runs `f` once and measures it. The allocation figure sums, over every GC inside the region, the heap growth
 * since the previous GC (or the start), plus the growth after the last one: what the program allocated.
 */
export function sample<T>(f: () => T, options: { readonly collectFirst?: boolean } = {}): { sample: Sample; value: T } {
  // a forced full GC first, unless the caller measures many short regions: V8 needs a moment to get back to speed
  // after one, which a region of a few milliseconds would pay for
  if (options.collectFirst ?? true) collectGarbage();
  const GcProfiler = (v8 as unknown as { GCProfiler?: new () => GcProfilerLike }).GCProfiler;
  const profiler = GcProfiler ? new GcProfiler() : undefined;
  const heap0 = process.memoryUsage().heapUsed;
  profiler?.start();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const profile = profiler?.stop();
  const heap1 = process.memoryUsage().heapUsed;
  let allocated = 0;
  let last = heap0;
  let gc = 0;
  for (const s of profile?.statistics ?? []) {
    gc += s.cost / 1e3;
    allocated += Math.max(0, s.beforeGC.heapStatistics.usedHeapSize - last);
    last = s.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += Math.max(0, heap1 - last);
  return { sample: { wall, cpu: (cpu.user + cpu.system) / 1e3, gc, allocated }, value };
}

/** Keeps the best (lowest) of each figure over several samples. */
export class Best {
  public wall = Infinity;
  public cpu = Infinity;
  public noGc = Infinity;
  public allocated = Infinity;
  public add(s: Sample): void {
    this.wall = Math.min(this.wall, s.wall);
    this.cpu = Math.min(this.cpu, s.cpu);
    this.noGc = Math.min(this.noGc, s.wall - s.gc);
    this.allocated = Math.min(this.allocated, s.allocated);
  }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const fmtMs = (ms: number): string => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;
export const fmtBytes = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b.toFixed(0)} B`);

/** `BENCH_SCALE=0.01 npm run bench` shrinks every size (to check that the suites run; figures need scale 1). */
export function scaled(n: number): number {
  const f = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(2, Math.round(n * (Number.isFinite(f) && f > 0 ? f : 1)));
}

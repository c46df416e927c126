// Timing helpers for `npm run bench`: figures are printed, never asserted.

export interface Figure {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  /** Same work done the plainest way, measured in the same run, to compare against. */
  floorMs?: number;
  target?: string;
  note?: string;
  /** Growth of the process's resident memory (all threads) at its peak during the runs. */
  rssMb?: number;
}

/** Peak RSS growth while `fn` runs: sampled on a timer and after every run (a busy loop starves the timer). */
export function rssTracker() {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 5);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return (peak - before) / 1024 / 1024;
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export async function time(runs: number, fn: (i: number) => unknown | Promise<unknown>, options: { warmUp?: boolean } = {}): Promise<{ medianMs: number; p95Ms: number; rssMb: number }> {
  if (options.warmUp !== false) await fn(-1); // warm-up: JIT, statement cache, page cache
  const rss = rssTracker();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
    rss.sample();
  }
  samples.sort((a, b) => a - b);
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95), rssMb: rss.stop() };
}

/** Median and p95 of figures measured some other way (in a browser, say). */
export function summarise(samples: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
sampler.unref();
export function peakRssMb(): number {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return peakRss / 1024 / 1024;
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n < 10 ? n.toFixed(2) : n.toFixed(1));

export function printTable(title: string, figures: Figure[]): void {
  const rows = [
    ['measure', 'runs', 'median ms', 'p95 ms', 'floor ms', 'ratio', 'RSS +MB', 'target', 'note'],
    ...figures.map((f) => [
      f.name,
      String(f.runs),
      ms(f.medianMs),
      ms(f.p95Ms),
      ms(f.floorMs),
      f.floorMs ? `${(f.medianMs / f.floorMs).toFixed(2)}×` : '',
      f.rssMb === undefined ? '' : f.rssMb.toFixed(0),
      f.target ?? '',
      f.note ?? '',
    ]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\n${title}`);
  rows.forEach((r, i) => {
    console.log(r.map((cell, c) => (c === 0 || c >= 7 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

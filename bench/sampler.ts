/**
 * Samples the memory of a process tree (this process + Chromium) and keeps the peak: RSS of
 * every process every 200 ms (cheap), PSS every 2 s (the kernel walks page tables for it, which
 * would otherwise cost the benchmark a good part of a core). The process list is refreshed with
 * the PSS sample.
 */
import { descendants, pssKiB, rssKiB } from './proc-tree.ts';

export interface Peak {
  rssMiB: number;
  pssMiB: number;
  processes: number;
  /** This process's part of the PSS peak (the rest is Chromium). */
  nodePssMiB: number;
}

export class MemorySampler {
  #timer: NodeJS.Timeout | undefined;
  #peak: Peak = { rssMiB: 0, pssMiB: 0, processes: 0, nodePssMiB: 0 };
  #pids: number[] = [];
  #ticks = 0;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 200,
    private readonly pssEvery = 10,
  ) {}

  start(): void {
    this.#peak = { rssMiB: 0, pssMiB: 0, processes: 0, nodePssMiB: 0 };
    this.#ticks = 0;
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), this.everyMs);
  }

  stop(): Peak {
    clearInterval(this.#timer);
    this.#ticks = 0;
    this.#sample();
    return this.#peak;
  }

  #sample(): void {
    const full = this.#ticks++ % this.pssEvery === 0;
    if (full) this.#pids = [this.pid, ...descendants(this.pid)];
    const rss = this.#pids.reduce((sum, p) => sum + rssKiB(p), 0);
    const each = full ? this.#pids.map((p) => pssKiB(p)) : [];
    const pss = Math.round(each.reduce((a, b) => a + b, 0) / 1024);
    const newPeak = pss > this.#peak.pssMiB;
    this.#peak = {
      rssMiB: Math.max(this.#peak.rssMiB, Math.round(rss / 1024)),
      pssMiB: Math.max(this.#peak.pssMiB, pss),
      processes: Math.max(this.#peak.processes, this.#pids.length),
      nodePssMiB: newPeak ? Math.round((each[0] ?? 0) / 1024) : this.#peak.nodePssMiB,
    };
  }
}

/**
 * Worker threads for the CPU stages of a run (pipeline.ts, Offload): each scenario's load,
 * calculation, report and outputs, and each printed PDF's finishing step, go to the least busy
 * of `size` workers, so that the main thread drives Chromium and writes files while the other
 * cores compute. Used by the compiled CLI (dist/); from the TypeScript sources (tests through
 * vitest) the stages run on the main thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Offload, PrepareOptions, Prepared } from '../pipeline.ts';
import type { PdfSource } from '../render/index.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/** A request before its id is given. */
type Request = { [K in WorkerRequest['kind']]: Omit<Extract<WorkerRequest, { kind: K }>, 'id'> }[WorkerRequest['kind']];

/** The worker's file next to this one: worker.js once compiled. */
const WORKER = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Workers only from compiled JavaScript (a worker cannot load the .ts sources without a loader). */
export const workersAvailable = (): boolean => import.meta.url.endsWith('.js');

/**
 * Workers for a run of `concurrency` scenarios at once: one per CPU beyond the main thread's,
 * at least one, at most one per scenario in flight (GPU_REPORT_WORKERS overrides; 0 turns them off).
 */
export function workerCount(concurrency: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.GPU_REPORT_WORKERS?.trim();
  if (forced && /^\d+$/.test(forced)) return Math.min(Number(forced), concurrency);
  return Math.max(1, Math.min(concurrency, availableParallelism() - 1));
}

export class WorkerPool implements Offload {
  readonly #workers: { worker: Worker; pending: number }[] = [];
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; slot: number }>();
  #next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER);
      worker.unref();
      worker.on('message', (reply: WorkerReply) => this.#settle(reply));
      worker.on('error', (error) => this.#failAll(i, error));
      this.#workers.push({ worker, pending: 0 });
    }
  }

  #settle(reply: WorkerReply): void {
    const waiting = this.#waiting.get(reply.id);
    if (!waiting) return;
    this.#waiting.delete(reply.id);
    this.#workers[waiting.slot]!.pending--;
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.message));
  }

  #failAll(slot: number, error: Error): void {
    for (const [id, w] of this.#waiting) {
      if (w.slot !== slot) continue;
      this.#waiting.delete(id);
      w.reject(error);
    }
  }

  #send<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    const slot = this.#workers.reduce((best, w, i) => (w.pending < this.#workers[best]!.pending ? i : best), 0);
    const id = this.#next++;
    const target = this.#workers[slot]!;
    target.pending++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, slot });
      target.worker.postMessage({ ...request, id } as WorkerRequest, transfer);
    });
  }

  prepare(file: string, opts: PrepareOptions): Promise<Prepared> {
    const { now, ...rest } = opts;
    return this.#send({ kind: 'prepare', file, opts: { ...rest, nowMs: now.getTime() } });
  }

  finish(printed: Uint8Array, source: Pick<PdfSource, 'meta' | 'contents'>): Promise<Uint8Array> {
    return this.#send({ kind: 'finish', printed, source: { meta: source.meta, contents: source.contents } });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}

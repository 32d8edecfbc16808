/**
 * A worker thread of the run (pool.ts): does the CPU stages of scenarios (pipeline.ts,
 * prepareScenario) and finishes printed PDFs, so that the main thread only drives the browser
 * and writes files. Messages: { id, kind: 'prepare', file, opts } → Prepared; { id, kind:
 * 'finish', printed, source } → the finished PDF's bytes. An error comes back as its message.
 */
import { parentPort } from 'node:worker_threads';
import { prepareScenario, type PrepareOptions } from '../pipeline.ts';
import { finishPdf, type PdfSource } from '../render/index.ts';

export type WorkerRequest =
  | { id: number; kind: 'prepare'; file: string; opts: Omit<PrepareOptions, 'now'> & { nowMs: number } }
  | { id: number; kind: 'finish'; printed: Uint8Array; source: Pick<PdfSource, 'meta' | 'contents'> };
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** Buffers of the reply handed over rather than copied (only those a view covers whole: not Node's pooled slices). */
function transferables(value: unknown): ArrayBuffer[] {
  const whole = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
  const views =
    value instanceof Uint8Array
      ? [value]
      : value && typeof value === 'object' && 'outputs' in value
        ? Object.values((value as { outputs: Record<string, Uint8Array> }).outputs)
        : [];
  return [...new Set(views.filter(whole).map((b) => b.buffer as ArrayBuffer))];
}

parentPort?.on('message', (request: WorkerRequest) => {
  const work =
    request.kind === 'prepare'
      ? prepareScenario(request.file, { ...request.opts, now: new Date(request.opts.nowMs) })
      : finishPdf(request.printed, { ...request.source, meta: { ...request.source.meta, date: new Date(request.source.meta.date) } });
  work.then(
    (value) => {
      const reply: WorkerReply = { id: request.id, ok: true, value };
      parentPort!.postMessage(reply, transferables(value));
    },
    (error: unknown) => {
      const reply: WorkerReply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      parentPort!.postMessage(reply);
    },
  );
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateCommand, formatEstimate, parseEstimateArgs } from '../../src/commands/estimate.ts';
import { runEstimate } from '../../src/calc/estimate-core.ts';
import { UserError } from '../../src/errors.ts';

const inference = {
  gpu: 'h100-sxm5-80gb',
  gpus: 2,
  model: 'llama-3.1-70b',
  precision: 'fp8',
  'input-tokens': 1000,
  'output-tokens': 1000,
  concurrency: 32,
};
const isBand = (b: unknown) => {
  const x = b as { value: number; low: number; high: number };
  return typeof x.value === 'number' && x.low <= x.value && x.value <= x.high;
};

function captureStdout(fn: () => void): string {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}
afterEach(() => vi.restoreAllMocks());

describe('estimate --json keys (docs/estimate.md)', () => {
  it('inference: memory, fits and banded timings', () => {
    const out = captureStdout(() => void estimateCommand().handler({ ...inference, json: true, _: [], $0: 'gpu-report' } as never));
    const j = JSON.parse(out);
    expect(j.fits).toBe(true);
    for (const k of ['totalGiB', 'weightsGiB', 'kvCacheGiB']) expect(typeof j.memory[k]).toBe('number');
    for (const k of ['ttftMs', 'tpotMs', 'outputTokensPerSecond']) expect(isBand(j.inference[k])).toBe(true);
    expect(Number.isInteger(j.inference.maxConcurrency)).toBe(true);
  });
  it('training: tokens/s per GPU, MFU 0-1, days and GPU-hours, banded', () => {
    const j = runEstimate(
      parseEstimateArgs({
        mode: 'training',
        gpu: 'h100-sxm5-80gb',
        gpus: 8,
        model: 'llama-3.1-8b',
        precision: 'bf16',
        'seq-len': 4096,
        tokens: 1e11,
        method: 'full',
      }),
    );
    expect(j.fits).toBe(true);
    for (const k of ['tokensPerSecondPerGpu', 'mfu', 'days', 'gpuHours'] as const) expect(isBand(j.training?.[k])).toBe(true);
    expect(j.training!.mfu.value).toBeLessThan(1);
  });
  it('training.plan.contextParallel: --context-parallel reaches the plan; 1 without context parallelism', () => {
    const training = { mode: 'training', gpu: 'h100-sxm5-80gb', gpus: 16, model: 'llama-3.1-8b', tokens: 1e11, 'seq-len': 8192 };
    const given = runEstimate(parseEstimateArgs({ ...training, 'context-parallel': 4 }));
    expect(given.training?.plan.contextParallel).toBe(4);
    const p = given.training!.plan;
    expect(p.dataParallel * p.tensorParallel * p.pipelineParallel * p.contextParallel).toBe(16);
    const short = runEstimate(parseEstimateArgs({ ...training, 'seq-len': 4096 }));
    expect(short.training?.plan.contextParallel).toBe(1);
    expect(formatEstimate(given)).toMatch(/DP x TP x PP x CP.* x 4, ZeRO-/);
    expect(formatEstimate(short)).not.toMatch(/x CP/);
  });
  it('a non-fitting configuration gives fits:false and a reason, no timings', () => {
    const j = runEstimate(parseEstimateArgs({ gpu: 'l4', model: 'llama-3.1-405b', precision: 'bf16' }));
    expect(j.fits).toBe(false);
    expect(j.reason).toMatch(/GiB/);
    expect(j.inference).toBeUndefined();
  });
  it('custom architecture flags work without --model', () => {
    const j = runEstimate(parseEstimateArgs({ gpu: 'a100-sxm4-80gb', params: 7, layers: 32, hidden: 4096, heads: 32, 'kv-heads': 8 }));
    expect(j.model).toBe('custom');
    expect(j.memory.weightsGiB).toBeCloseTo((7e9 * 2) / 2 ** 30, 1);
  });
});

describe('estimate input errors', () => {
  it('unknown GPU id suggests the nearest', () => {
    expect(() => parseEstimateArgs({ ...inference, gpu: 'h100' })).toThrow(/did you mean "h100-sxm5-80gb"/);
    expect(() => parseEstimateArgs({ ...inference, gpu: 'h100' })).toThrow(UserError);
  });
  it('unknown model id suggests the nearest', () => {
    expect(() => parseEstimateArgs({ ...inference, model: 'llama-3-70b' })).toThrow(/did you mean "llama-3.1-70b"/);
  });
  it.each([
    [{ gpus: 0 }, /--gpus must be a positive integer/],
    [{ concurrency: 2.5 }, /--concurrency/],
    [{ precision: 'fp12' }, /--precision: must be one of/],
  ])('bad value %o', (patch, msg) => expect(() => parseEstimateArgs({ ...inference, ...patch })).toThrow(msg));
  it('training without --tokens is a user error', () => {
    expect(() => parseEstimateArgs({ mode: 'training', gpu: 'h100-sxm5-80gb', model: 'llama-3.1-8b' })).toThrow(/--tokens/);
  });
});

describe('human table', () => {
  it('uses catalogue labels and shows bands', () => {
    const text = formatEstimate(runEstimate(parseEstimateArgs(inference)));
    expect(text).toMatch(/Time per output token \(ms\)\s+[\d.,]+ \[[\d.,]+–[\d.,]+\]/);
    expect(text).toMatch(/KV cache \(GiB\)/);
  });
});

describe('estimate flags are checked like a scenario workload (same messages, exit 2)', () => {
  const base = { gpu: 'h100-sxm5-80gb' };
  const custom = { ...base, params: 7, layers: 32, hidden: 4096, heads: 32 };
  it.each([
    [{ ...base, model: 'llama-3.1-8b', layers: 4 }, /drop the architecture flags \(--layers\)/],
    [{ ...base, model: 'llama-3.1-8b', tokens: 5 }, /--tokens do not apply in inference mode/],
    [{ ...base, model: 'llama-3.1-8b', mode: 'training', tokens: 1e9, concurrency: 4 }, /--concurrency do not apply in training mode/],
    [{ ...custom, 'kv-heads': 5 }, /--kv-heads: must divide attentionHeads \(32\)/],
    [{ ...custom, experts: 4, 'active-experts': 8 }, /--active-experts: must not exceed experts \(4\)/],
    [{ ...base, model: 'llama-3.1-8b', 'input-tokens': 200000 }, /--input-tokens: .*exceeds the model's maximum of 131072/],
    [{ ...custom, params: 1e308 }, /--params: must be > 0 and <= 100000/],
    [
      { ...base, model: 'llama-3.1-8b', mode: 'training', tokens: 1e9, gpus: 8, 'context-parallel': 3, 'seq-len': 12288 },
      /--context-parallel 3 must divide --gpus \(8\)/,
    ],
    [
      { ...base, model: 'llama-3.1-8b', mode: 'training', tokens: 1e9, gpus: 16, 'context-parallel': 16, 'seq-len': 8200 },
      /--context-parallel: context parallelism 16 splits each sequence into 32 equal chunks: seqLen \(8200\) must be divisible by 32/,
    ],
    [{ ...base, model: 'llama-3.1-8b', 'context-parallel': 2 }, /--context-parallel do not apply in inference mode/],
  ])('%o is refused', (args, msg) => {
    let err: unknown;
    try {
      parseEstimateArgs(args);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as UserError).message).toMatch(msg);
  });
  it('new architecture flags reach the model (MLA latent KV is smaller than full GQA KV)', () => {
    const flags = { ...base, params: 7, layers: 32, hidden: 4096, heads: 32, 'input-tokens': 4000, concurrency: 8 };
    const plain = runEstimate(parseEstimateArgs(flags));
    const mla = runEstimate(parseEstimateArgs({ ...flags, 'kv-latent-dim': 576 }));
    expect(mla.memory.kvCacheGiB).toBeLessThan(plain.memory.kvCacheGiB / 5);
  });
});

describe("traffic instead of concurrency (Little's law, docs/methodology.md#queueing)", () => {
  const base = { gpu: 'h100-sxm5-80gb', gpus: 2, model: 'llama-3.1-70b', precision: 'fp8', 'input-tokens': 1000, 'output-tokens': 300 };
  it('concurrency = arrival rate x time in service; percentiles ordered; overload when the slots cannot hold it', () => {
    const r = runEstimate(parseEstimateArgs({ ...base, 'arrival-rate': 2 }));
    const i = r.inference!;
    const serviceS = (i.ttftMs.value + 300 * i.tpotMs.value) / 1000;
    expect(i.concurrency).toBeCloseTo(2 * serviceS, -0.5);
    expect(i.ttftMsPercentiles.p50).toBeLessThanOrEqual(i.ttftMsPercentiles.p90);
    expect(i.ttftMsPercentiles.p90).toBeLessThanOrEqual(i.ttftMsPercentiles.p99);
    expect(i.overloaded).toBe(false);
    const heavy = runEstimate(parseEstimateArgs({ ...base, 'arrival-rate': 50 })).inference!;
    expect(heavy.overloaded).toBe(true);
  });
  it('--concurrency with --arrival-rate is refused', () => {
    expect(() => parseEstimateArgs({ ...base, 'arrival-rate': 2, concurrency: 4 })).toThrow(/only one of --concurrency, --arrival-rate/);
  });
});

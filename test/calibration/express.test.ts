import { describe, expect, it } from 'vitest';
import { EFFICIENCY } from '../../src/calc/efficiency-params.ts';
import { express, type Expressed, type Row } from '../../src/calibration/express.ts';

/** A NeMo-style H100 FP8 training row; fields as in src/calibration/calibration.csv. */
const row = (over: Partial<Row>): Row => ({
  id: 'TR-900',
  category: 'training_throughput',
  metric: 'train_tokens_per_sec_per_gpu',
  value: '10000',
  unit: 'tokens/s/GPU',
  gpu: 'H100-80GB',
  gpu_count: '8',
  model: 'LLAMA2-7B',
  precision: 'fp8 (FP8)',
  seq_or_io: 'seq=4096',
  batch_or_concurrency: 'micro_bs=1; grad_accum=4; global_batch_tokens=131072',
  parallelism: 'FSDP=0 TP1 PP1',
  framework: 'test',
  source: 'test source',
  notes: '',
  ...over,
});
const estimate = (over: Partial<Row>): number => (express(row(over)) as Expressed).estimate(EFFICIENCY);

describe('training rows', () => {
  it('a LoRA row trains at the LoRA rate (no weight gradients), faster than the same full fine-tune', () => {
    const full = estimate({ parallelism: 'method=full FSDP=0 TP1 PP1' });
    const lora = estimate({ parallelism: 'method=lora FSDP=0 TP1 PP1' });
    expect(lora).toBeGreaterThan(full * 1.3);
    expect(lora).toBeLessThan(full * 1.6);
  });
  it('reads interleaved pipeline chunks (VP) from the layout', () => {
    const layout = (vp: string) => ({ gpu_count: '16', model: 'LLAMA2-13B', parallelism: `FSDP=0 TP1 PP4 ${vp}`.trim() });
    expect(estimate(layout('VP10'))).toBeGreaterThan(estimate(layout('')));
  });
  it('reads context parallelism (CP) from the layout: a CP 2 row is expressed and estimated with CP 2', () => {
    const layout = (cp: string) => ({ seq_or_io: 'seq=8192', parallelism: `FSDP=0 TP1 PP1 ${cp}`.trim() });
    const cp2 = express(row(layout('CP2')));
    expect('skip' in cp2).toBe(false);
    expect(estimate(layout('CP2'))).toBeGreaterThan(0);
    // The degree reaches the estimator: CP 3 cannot split 8,192 tokens into 6 equal chunks, so no layout (0).
    expect(estimate(layout('CP3'))).toBe(0);
  });
  it('lets the planner choose recompute when the row does not state it, and keeps a stated one', () => {
    const stated = estimate({ parallelism: 'FSDP FULL_SHARD; activation_checkpointing=True' });
    const open = estimate({ parallelism: 'FSDP FULL_SHARD' });
    expect(open).toBeGreaterThan(stated);
  });
});

import { describe, expect, it } from 'vitest';
import { forgetEstimates, memoise } from '../../src/calc/memo.ts';

describe('memoise', () => {
  const gpu = { id: 'g' };
  const model = { id: 'm' };
  const params = { p: 1 };
  type Input = { gpu: object; model: object; params: object; n: number; extra?: string };
  const make = () => {
    const calls: Input[] = [];
    const f = memoise(
      (i: Input) => [i.gpu, i.model, i.params] as const,
      (i) => JSON.stringify({ ...i, gpu: 0, model: 0, params: 0 }),
      (i) => {
        calls.push(i);
        return { n: i.n * 2 };
      },
    );
    return { f, calls };
  };

  it('computes once per input within a calculation and returns the same result', () => {
    forgetEstimates();
    const { f, calls } = make();
    const a = f({ gpu, model, params, n: 3 });
    const b = f({ gpu, model, params, n: 3 });
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
  });
  it('any other field, or another object with the same content, is another input', () => {
    forgetEstimates();
    const { f, calls } = make();
    f({ gpu, model, params, n: 3 });
    f({ gpu, model, params, n: 4 });
    f({ gpu, model, params, n: 3, extra: 'engine' });
    f({ gpu: { id: 'g' }, model, params, n: 3 });
    f({ gpu, model, params: { p: 1 }, n: 3 });
    expect(calls).toHaveLength(5);
  });
  it('forgets everything when a new calculation starts', () => {
    forgetEstimates();
    const { f, calls } = make();
    f({ gpu, model, params, n: 3 });
    forgetEstimates();
    f({ gpu, model, params, n: 3 });
    expect(calls).toHaveLength(2);
  });
});

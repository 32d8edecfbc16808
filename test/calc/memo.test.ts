import { describe, expect, it } from 'vitest';
import { fieldsKey, forgetEstimates, memoise } from '../../src/calc/memo.ts';

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

  describe('fieldsKey', () => {
    const omit = new Set(['gpu', 'model']);
    const key = (x: object) => fieldsKey(x, omit);
    it('ignores the objects keyed by identity and nothing else', () => {
      expect(key({ gpu, n: 1 })).toBe(key({ gpu: { other: true }, n: 1 }));
      expect(key({ model, n: 1 })).toBe(key({ n: 1 }));
      expect(key({ n: 1 })).not.toBe(key({ n: 2 }));
      expect(key({ n: 1 })).not.toBe(key({ m: 1 }));
      expect(key({ engine: 'vllm' })).not.toBe(key({ engine: 'sglang' }));
    });
    it('keys nested objects by content and tells values apart that print alike', () => {
      expect(key({ traffic: { arrivalRatePerSecond: 2 } })).toBe(key({ traffic: { arrivalRatePerSecond: 2 } }));
      expect(key({ traffic: { arrivalRatePerSecond: 2 } })).not.toBe(key({ traffic: { activeUsers: 2, thinkTimeSeconds: 1 } }));
      expect(key({ a: 1, b: 2 })).not.toBe(key({ a: '1,b:2' }));
      expect(key({ a: 1 })).not.toBe(key({ a: '1' }));
      expect(key({ a: 0.1 + 0.2 })).not.toBe(key({ a: 0.3 }));
      expect(key({ a: 1, b: undefined })).not.toBe(key({ a: 1, b: null }));
    });
  });
});

/**
 * The example scenario that `init` writes (templates/example-scenario.yaml, embedded in
 * docs/scenario.md) annotates economic settings with their default, "(default 0.7)": each such
 * number must be the default declared in src/economics/parameters.ts, so the example cannot tell
 * a buyer that a sourced, non-zero default is 0.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ECONOMIC_PARAMETERS } from '../../src/economics/parameters.ts';

describe('templates/example-scenario.yaml', () => {
  const lines = readFileSync('templates/example-scenario.yaml', 'utf8').split('\n');
  const annotated = lines.flatMap((line) => {
    const m = /^\s+([A-Za-z]+):.*#.*\(default ([-0-9.]+)/.exec(line);
    return m && m[1]! in ECONOMIC_PARAMETERS ? [{ key: m[1]!, stated: Number(m[2]) }] : [];
  });

  it('annotates several economic settings with a default', () => {
    expect(annotated.length).toBeGreaterThan(5);
  });

  it.each(Object.keys(ECONOMIC_PARAMETERS))('%s: a stated default is the declared one', (key) => {
    for (const a of annotated.filter((x) => x.key === key))
      expect(a.stated, key).toBe((ECONOMIC_PARAMETERS as Record<string, { default: number }>)[key]!.default);
  });
});

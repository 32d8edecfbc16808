/** Progress on stderr: plain lines off a terminal, a bar on one, colour only where allowed. */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { createProgress, renderOutcome } from '../../src/batch/progress.ts';
import type { ScenarioOutcome } from '../../src/pipeline.ts';

const timings = { loadMs: 0, calculateMs: 0, buildMs: 0, renderMs: {}, writeMs: 0 };
const ok: ScenarioOutcome = { file: 's/a.yaml', status: 'ok', written: ['out/a.json', 'out/a.pdf'], failures: [], timings };
const failed: ScenarioOutcome = {
  file: 's/b.yaml',
  status: 'failed',
  written: ['out/b.json'],
  failures: [{ stage: 'pdf', message: 'browser gone' }],
  timings,
};
const invalid: ScenarioOutcome = {
  file: 's/c.yaml',
  status: 'invalid',
  diagnostics: [{ file: 's/c.yaml', line: 3, col: 5, path: 'workloads', message: 'required' }],
  timings,
};

/** A stream that claims to be a terminal (or not) and records what was written. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text(): string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream & { text(): string };
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  Object.assign(stream, {
    isTTY,
    columns: 100,
    rows: 30,
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    clearScreenDown: () => true,
    getWindowSize: () => [100, 30],
    text: () => text,
  });
  return stream;
}

const savedEnv = { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR };
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

describe('batch progress', () => {
  it('describes outcomes as one line per written set, problem and failure', () => {
    expect(renderOutcome(ok)).toEqual(['✓ s/a.yaml → out/a.{json,pdf}']);
    expect(renderOutcome(failed)).toEqual(['✓ s/b.yaml → out/b.{json}', '✗ s/b.yaml: pdf: browser gone']);
    expect(renderOutcome(invalid)).toEqual(['s/c.yaml:3:5: workloads: required', 's/c.yaml: 1 problem(s); nothing written']);
  });

  it('prints plain lines when stderr is not a terminal', async () => {
    const stream = fakeStream(false);
    const p = createProgress(3, 'auto', stream);
    [ok, failed, invalid].forEach((o) => p.done(o));
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(stream.text().split('\n').filter(Boolean)).toEqual([...renderOutcome(ok), ...renderOutcome(failed), ...renderOutcome(invalid)]);
  });

  it('draws a bar on a terminal, keeps problems above it, and no colour under NO_COLOR', async () => {
    process.env.NO_COLOR = '1';
    delete process.env.FORCE_COLOR;
    const stream = fakeStream(true);
    const p = createProgress(3, 'auto', stream);
    [ok, failed, invalid].forEach((o) => p.done(o));
    p.stop();
    await new Promise((r) => setImmediate(r));
    const text = stream.text();
    expect(text).toMatch(/█+\s*3\/3 scenarios \| 1 failed \| 1 invalid/);
    expect(text).toContain('✗ s/b.yaml: pdf: browser gone');
    expect(text).not.toContain('✓ s/a.yaml');
    expect(text).not.toContain('\u001b[32m');
  });

  it('colours the bar on a terminal when colour is allowed', async () => {
    delete process.env.NO_COLOR;
    const stream = fakeStream(true);
    const p = createProgress(1, 'auto', stream);
    p.done(ok);
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(stream.text()).toContain('\u001b[32m');
  });
});

/**
 * Invalid input: every fixture in test/fixtures/bad/ goes through one `run` (a CLI start costs
 * seconds), and each must be reported as `file:line:col: path: message`, one line per problem,
 * at the line and column counted by hand, with nothing written. A folder without scenarios, an
 * output folder that cannot be created and an oversized file get their own checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import {
  EXIT,
  describeRun,
  diagnosticsFor,
  fixture,
  listFiles,
  makeTempDir,
  removeTempDirs,
  runCli,
  withoutBatchIndex,
  writeFile,
  type CliResult,
} from './helpers.ts';

interface Expected {
  /** Hand-counted 1-based position. */
  readonly at?: readonly [line: number, col: number];
  /** Field path, '' for the whole file. */
  readonly path: string;
  /** Each must match the message: what is wrong and what would be valid. */
  readonly message: readonly RegExp[];
}

/** Fixture file → the problems it must produce, in file order. */
const CASES: Readonly<Record<string, readonly Expected[]>> = {
  // The stray second "]" of line 3 `candidates: [l40s, h100-sxm5-80gb]]` is column 35.
  'malformed-yaml.yaml': [{ at: [3, 35], path: '', message: [/invalid YAML/i, /]|flow|unexpected/i] }],
  'alias-bomb.yaml': [{ at: [1, 1], path: '', message: [/alias/i, /refused|exhaustion|too many/i] }],
  'empty.yaml': [{ at: [1, 1], path: '', message: [/empty/i, /version/, /workloads/, /candidates/] }],
  'top-level-list.yaml': [{ at: [1, 1], path: '', message: [/not a scenario/i, /mapping/i, /version/] }],
  'kubernetes-manifest.yaml': [
    { at: [1, 1], path: '', message: [/not a scenario/, /version, workloads, candidates/, /found apiVersion, kind, metadata, spec/] },
  ],
  'wrong-type-string-for-number.yaml': [{ at: [7, 18], path: 'workloads[0].inputTokens', message: [/number/, /"lots"/] }],
  'nonsense-numbers.yaml': [
    { at: [7, 18], path: 'workloads[0].inputTokens', message: [/between 1 and 100000000/, /-512/] },
    { at: [8, 19], path: 'workloads[0].outputTokens', message: [/between 1 and 100000000/, /got 0\b/] },
    { at: [9, 18], path: 'workloads[0].concurrency', message: [/finite number/, /NaN/] },
    { at: [12, 23], path: 'candidates[0].rentalPerGpuHour', message: [/finite number/, /Infinity|inf/i] },
    { at: [14, 27], path: 'economics.electricityPricePerKwh', message: [/between 0\.001 and 10 USD/, /-0\.08/] },
    { at: [15, 18], path: 'economics.horizonMonths', message: [/finite number/, /NaN/] },
  ],
  'unknown-gpu-id.yaml': [{ at: [11, 5], path: 'candidates[1]', message: [/unknown GPU "h100"/, /did you mean "h100-sxm5-80gb"/] }],
  'unknown-model-id.yaml': [
    { at: [6, 12], path: 'workloads[0].model', message: [/unknown model "llama-3-70b"/, /did you mean "llama-3\.1-70b"/] },
  ],
  // A missing field points at the object that lacks it: the mapping of workloads[0] starts at `name`.
  'missing-required-field.yaml': [{ at: [4, 5], path: 'workloads[0].outputTokens', message: [/required/, /number/] }],
  'misspelt-field.yaml': [
    { at: [9, 5], path: 'workloads[0].concurrancy', message: [/unknown field/, /did you mean "concurrency"/, /outputTokens/] },
  ],
  // Made at run time (a 1 MiB fixture does not belong in git): the minimal valid scenario padded past 1 MiB with comments.
  'larger-than-1mib.yaml': [{ at: [1, 1], path: '', message: [/\d ?(KiB|MiB)/, /larger than|at most|too large|limit/i] }],
};

let dir = '';
let bad: CliResult;
let noScenarios: CliResult;
let unwritable: CliResult;
const files = new Map<string, string>();
const outBad = () => path.join(dir, 'out-bad');
const outEmpty = () => path.join(dir, 'out-empty');

beforeAll(async () => {
  dir = makeTempDir('bad');
  const shipped = fs
    .readdirSync(fixture('bad'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  expect(shipped, 'every fixture has expectations and vice versa').toEqual(
    Object.keys(CASES)
      .filter((f) => f !== 'larger-than-1mib.yaml')
      .sort(),
  );
  for (const f of shipped) files.set(f, fixture('bad', f));
  const minimal = fs.readFileSync(fixture('good', 'minimal.yaml'), 'utf8');
  files.set(
    'larger-than-1mib.yaml',
    writeFile(
      path.join(dir, 'in', 'larger-than-1mib.yaml'),
      `${minimal}${'# padding padding padding padding padding padding padding padding\n'.repeat(17_000)}`,
    ),
  );
  expect(fs.statSync(files.get('larger-than-1mib.yaml')!).size).toBeGreaterThan(1024 * 1024);

  const blocker = writeFile(path.join(dir, 'blocker'), 'a regular file\n');
  const good = writeFile(path.join(dir, 'in', 'good.yaml'), minimal);
  [bad, noScenarios, unwritable] = await Promise.all([
    runCli(['run', ...files.values(), '--format', 'json,xlsx,html', '--out', outBad()], { cwd: dir }),
    runCli(['run', fixture('bad', 'folder-without-scenarios'), '--out', outEmpty()], { cwd: dir }),
    runCli(['run', good, '--format', 'json', '--out', path.join(blocker, 'reports')], { cwd: dir }),
  ]);
});
afterAll(removeTempDirs);

describe('invalid scenarios (one run over all fixtures)', () => {
  it('exits 2 and writes no report (at most the batch index, listing them all as invalid)', () => {
    expect(bad.code, describeRun(bad)).toBe(EXIT.invalidInput);
    expect(withoutBatchIndex(listFiles(outBad()))).toEqual([]);
    const indexFile = path.join(outBad(), 'index.json');
    if (fs.existsSync(indexFile)) {
      const index = (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { batch: { scenarios: { status: string; reports: object }[] } })
        .batch;
      expect(index.scenarios).toHaveLength(files.size);
      for (const row of index.scenarios) expect(row).toMatchObject({ status: 'invalid', reports: {} });
    }
    expect(listFiles(path.join(dir, 'in')), 'nothing next to the inputs').toEqual(['good.yaml', 'larger-than-1mib.yaml']);
  });

  it('prints nothing on stdout and no stack trace', () => {
    expect(bad.stdout).toBe('');
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: one line per problem, at the right place, saying what would be valid`, () => {
      const file = files.get(name)!;
      const lines = diagnosticsFor(bad.stderr, file);
      expect(
        lines.map((l) => l.raw),
        describeRun(bad),
      ).toHaveLength(expected.length);
      // The per-file count the CLI prints agrees with the lines.
      expect(bad.stderr).toContain(`${file}: ${expected.length} problem`);
      const actual = [...lines].sort((a, b) => a.line - b.line || a.col - b.col || a.text.localeCompare(b.text));
      const wanted = [...expected].sort(
        (a, b) => (a.at?.[0] ?? 0) - (b.at?.[0] ?? 0) || (a.at?.[1] ?? 0) - (b.at?.[1] ?? 0) || a.path.localeCompare(b.path),
      );
      // A whole-file problem is the file's only line; field problems are found by their path.
      for (const e of wanted) {
        const line = e.path === '' ? (expected.length === 1 ? actual[0] : undefined) : actual.find((l) => l.text.startsWith(`${e.path}: `));
        expect(line, `${name}: a line for "${e.path}"\n${lines.map((l) => l.raw).join('\n')}`).toBeDefined();
        if (e.at) expect([line!.line, line!.col], line!.raw).toEqual(e.at);
        for (const re of e.message) expect(line!.text, line!.raw).toMatch(re);
      }
    });
  }

  // The CLI run above would hang or run out of memory on an unguarded bomb; the time is measured
  // here, in process, because a CLI start alone takes seconds.
  it('an alias bomb is refused in under 2 s', () => {
    const text = fs.readFileSync(fixture('bad', 'alias-bomb.yaml'), 'utf8');
    const started = performance.now();
    const result = parseScenario(text, 'alias-bomb.yaml');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
  });
});

describe('a folder without scenarios', () => {
  it('exits 2, says so, and creates no output folder', () => {
    expect(noScenarios.code, describeRun(noScenarios)).toBe(EXIT.invalidInput);
    expect(noScenarios.stderr).toContain('folder-without-scenarios');
    expect(noScenarios.stderr).toMatch(/no scenario/i);
    expect(noScenarios.stderr).toMatch(/\.yaml/);
    expect(listFiles(outEmpty())).toEqual([]);
  });
});

describe('an output folder that cannot be written', () => {
  it('exits 3, names the folder, and writes nothing anywhere', () => {
    expect(unwritable.code, describeRun(unwritable)).toBe(EXIT.outputsFailed);
    expect(unwritable.stderr).toContain(path.join(dir, 'blocker', 'reports'));
    expect(unwritable.stderr).not.toMatch(/^\s+at /m);
    expect(fs.readFileSync(path.join(dir, 'blocker'), 'utf8')).toBe('a regular file\n');
    expect(listFiles(dir).filter((f) => !/^(in|out-bad)\//.test(f))).toEqual(['blocker']);
    expect(listFiles(path.join(dir, 'in'))).toEqual(['good.yaml', 'larger-than-1mib.yaml']);
  });
});

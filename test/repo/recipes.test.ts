/**
 * The README's recipes for a batch over many machines run as written: the Kubernetes Indexed Job
 * (docs/recipes/kubernetes-indexed-job.yaml) and the GitHub Actions matrix
 * (docs/recipes/github-actions.yml) are parsed, and their gpu-report commands run here with the
 * environment each machine would have (one folder per runner for the matrix, a shared volume for
 * the Job), the shards one after another, then the merge. The merged index must list the same
 * scenarios, in the same order, with the same figures, as one unsharded run. `--format json`
 * is added to every command so that no browser is needed (the recipes print every format).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchEntry } from '../../src/report/model.ts';
import { BIN } from '../e2e/helpers.ts';
import { makeTempDir } from '../temp-dirs.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const SCENARIOS = path.join(ROOT, 'scenarios');
const FORMATS = ['--format', 'json'];
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

interface Env {
  name: string;
  value: string;
}
type Doc = Record<string, unknown>;

/** Runs `gpu-report args…` (the built CLI) with `env` added; returns stderr. Fails on a non-zero exit. */
function gpuReport(args: readonly string[], env: Record<string, string>, cwd: string): string {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['GPU_REPORT_SHARD', 'GPU_REPORT_SHARD_COUNT', 'JOB_COMPLETION_INDEX', 'CI_NODE_INDEX', 'CI_NODE_TOTAL']) delete clean[k];
  const run = spawnSync(process.execPath, [BIN, ...args, ...FORMATS], { cwd, env: { ...clean, ...env }, encoding: 'utf8' });
  expect(run.status, `gpu-report ${args.join(' ')}\n${run.stderr}`).toBe(0);
  return run.stderr;
}

/** Without the report links, which point into each run's own folder. */
const rows = (dir: string): Omit<BatchEntry, 'reports'>[] =>
  (JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { batch: { scenarios: BatchEntry[] } }).batch.scenarios.map(
    ({ reports: _reports, ...rest }) => rest,
  );

/** A runner's checkout: a folder with the repository's scenarios/ in it. */
function runnerFolder(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.symlinkSync(SCENARIOS, path.join(dir, 'scenarios'));
  return dir;
}

let tmp = '';
/** One machine, no shards: the scenarios given as an absolute path (as the Job's volume) and as `scenarios` (as a checkout). */
let unsharded: Omit<BatchEntry, 'reports'>[] = [];
let unshardedRelative: Omit<BatchEntry, 'reports'>[] = [];
beforeAll(() => {
  tmp = makeTempDir('recipes');
  gpuReport(['run', SCENARIOS, '--out', path.join(tmp, 'unsharded')], EPOCH, ROOT);
  unsharded = rows(path.join(tmp, 'unsharded'));
  expect(unsharded.length).toBeGreaterThan(4);
  const one = runnerFolder('one-runner');
  gpuReport(['run', 'scenarios', '--out', 'out'], EPOCH, one);
  unshardedRelative = rows(path.join(one, 'out'));
}, 120_000);

describe('Kubernetes Indexed Job recipe', () => {
  it('runs each completion index as a shard into the shared volume, then merges them into the unsharded index', () => {
    const docs = parseAllDocuments(fs.readFileSync(path.join(ROOT, 'docs', 'recipes', 'kubernetes-indexed-job.yaml'), 'utf8')).map(
      (d) => d.toJS() as Doc,
    );
    const container = (job: Doc) => (job as { spec: { template: { spec: { containers: Doc[] } } } }).spec.template.spec.containers[0]!;
    const shards = docs.find((d) => (d as { spec: { completionMode?: string } }).spec.completionMode === 'Indexed')!;
    const merge = docs.find((d) => d !== shards)!;
    const completions = (shards as { spec: { completions: number } }).spec.completions;
    expect(completions).toBeGreaterThan(1);
    // Volumes become local folders: the scenarios' ConfigMap is this repository's scenarios/.
    const volume = path.join(tmp, 'k8s-out');
    const local = (arg: string) => arg.replace(/^\/scenarios$/, SCENARIOS).replace(/^\/out$/, volume);
    const command = (c: Doc) => {
      const [exe, ...args] = [...(c.command as string[]), ...((c.args as string[] | undefined) ?? [])];
      expect(exe).toBe('gpu-report');
      return args.map(local);
    };
    const envOf = (c: Doc) => Object.fromEntries(((c.env as Env[] | undefined) ?? []).map((e) => [e.name, String(e.value)]));
    const shard = container(shards);
    for (let i = 0; i < completions; i++) gpuReport(command(shard), { ...envOf(shard), JOB_COMPLETION_INDEX: String(i) }, tmp);
    expect(fs.readdirSync(volume).filter((f) => /^index-shard-\d+-of-\d+\.json$/.test(f))).toHaveLength(completions);
    const stderr = gpuReport(command(container(merge)), envOf(container(merge)), tmp);
    expect(stderr).toContain(`${completions} shard index(es) of ${completions}`);
    expect(rows(volume)).toEqual(unsharded);
  }, 120_000);
});

describe('GitHub Actions matrix recipe', () => {
  it('runs each matrix entry in its own runner folder, then merges the downloaded folders into the unsharded index', () => {
    const wf = parseAllDocuments(fs.readFileSync(path.join(ROOT, 'docs', 'recipes', 'github-actions.yml'), 'utf8'))[0]!.toJS() as {
      jobs: Record<string, { env?: Record<string, string>; strategy?: { matrix: { shard: number[] } }; steps: Doc[] }>;
    };
    const { shard, merge } = wf.jobs;
    const matrix = shard!.strategy!.matrix.shard;
    expect(matrix.length).toBeGreaterThan(1);
    /** The job's `run:` steps that call gpu-report, as argument lists (`shards/*` expanded in `cwd`). */
    const commands = (steps: Doc[], cwd: string) =>
      steps
        .map((s) => s.run as string | undefined)
        .filter((r): r is string => r !== undefined && r.includes('bin/gpu-report.js'))
        .map((r) =>
          r
            .trim()
            .split(/\s+/)
            .slice(2)
            .flatMap((a) =>
              a.endsWith('/*') ? fs.readdirSync(path.join(cwd, a.slice(0, -2))).map((d) => path.join(a.slice(0, -2), d)) : [a],
            ),
        );
    const upload = shard!.steps.find((s) => String(s.uses).startsWith('actions/upload-artifact'))!.with as { name: string; path: string };
    const download = merge!.steps.find((s) => String(s.uses).startsWith('actions/download-artifact'))!.with as { path: string };
    const mergeDir = path.join(tmp, 'gha-merge');
    for (const entry of matrix) {
      const runner = runnerFolder(`gha-runner-${entry}`);
      const env = Object.fromEntries(
        Object.entries(shard!.env!).map(([k, v]) => [k, String(v).replace('${{ matrix.shard }}', String(entry))]),
      );
      for (const args of commands(shard!.steps, runner)) gpuReport(args, env, runner);
      // download-artifact with a pattern puts each artifact in <path>/<artifact name>/.
      fs.cpSync(
        path.join(runner, upload.path),
        path.join(mergeDir, download.path, upload.name.replace('${{ matrix.shard }}', String(entry))),
        {
          recursive: true,
        },
      );
    }
    for (const args of commands(merge!.steps, mergeDir)) gpuReport(args, merge!.env ?? {}, mergeDir);
    const out = path.join(mergeDir, 'merged');
    expect(rows(out)).toEqual(unshardedRelative);
    // The merged index links into the downloaded shard folders.
    const linked = (JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as { batch: { scenarios: BatchEntry[] } }).batch
      .scenarios;
    for (const r of linked) expect(fs.existsSync(path.join(out, r.reports.json!)), r.reports.json).toBe(true);
  }, 120_000);
});

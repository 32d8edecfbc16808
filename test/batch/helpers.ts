/**
 * Helpers for the batch and hostile-input tests: temporary scenario folders written inline,
 * a quiet in-process batch (stderr captured), and readers for what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { runBatch, type BatchOptions, type BatchResult } from '../../src/batch.ts';
import { makeTempDir } from '../temp-dirs.ts';

/** A small valid scenario; `fields` replaces top-level lines (already YAML). */
export function scenarioYaml(
  opts: { name?: string; description?: string; workload?: string; model?: string; gpu?: string; extra?: string } = {},
): string {
  const q = (s: string) => JSON.stringify(s);
  return [
    'version: 1',
    `name: ${q(opts.name ?? 'Small chat service')}`,
    ...(opts.description !== undefined ? [`description: ${q(opts.description)}`] : []),
    'workloads:',
    `  - name: ${q(opts.workload ?? 'chat')}`,
    '    kind: inference',
    opts.model ?? '    model: llama-3.1-8b',
    '    inputTokens: 512',
    '    outputTokens: 128',
    'candidates:',
    `  - ${opts.gpu ?? 'l40s'}`,
    opts.extra ?? '',
  ].join('\n');
}

export { removeTempDirs } from '../temp-dirs.ts';
export const tempDir = (label: string): string => makeTempDir(`gpu-report-batch-${label}`);

export function write(file: string, text: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Runs a batch in-process with stderr captured (progress as plain lines). */
export async function quietBatch(
  inputs: string[],
  opts: Partial<BatchOptions> & { outDir: string },
): Promise<BatchResult & { stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const result = await runBatch(inputs, { formats: ['json'], now: new Date('2026-01-01T00:00:00Z'), progress: 'lines', ...opts });
    return { ...result, stderr };
  } finally {
    spy.mockRestore();
  }
}

export const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
export const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

/** Every file below dir, hidden ones included, as sorted relative posix paths. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'gpu-report.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/gpu-report.js ...args` with NO_COLOR=1 and collects its output. */
export function runCli(args: readonly string[], timeoutMs = 100_000): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const describeRun = (r: CliResult): string => `exit ${r.code}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

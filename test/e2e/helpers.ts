/**
 * Shared helpers for the end-to-end tests: spawn the real CLI (`node bin/gpu-report.js`), one
 * temporary folder per test file, and readers for what the CLI wrote (poppler for PDFs).
 *
 * Starting the CLI costs several seconds of CPU (tsx loads every module through its loader),
 * so each test file starts all its CLI runs at once in `beforeAll` and the tests only look at
 * the results.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir as makeTemp } from '../temp-dirs.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'gpu-report.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const EXAMPLE_SCENARIO = path.join(REPO_ROOT, 'templates', 'example-scenario.yaml');

/** The exit codes of the README contract (src/errors.ts), written out so a change there shows. */
export const EXIT = { success: 0, invalidInput: 2, outputsFailed: 3, internal: 70 } as const;

export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time of the whole process, start-up included. */
  readonly wallMs: number;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the process after this long (the test then fails on the exit code). */
  readonly timeoutMs?: number;
}

/** Runs `node bin/gpu-report.js ...args` with NO_COLOR=1 and collects its output. */
export function runCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  // English messages unless a test asks for another language (messages follow LANG).
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...opts.env };
  delete env.FORCE_COLOR;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 100_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}

/** A description of a CLI result for assertion messages. */
export const describeRun = (r: CliResult): string =>
  `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} after ${(r.wallMs / 1000).toFixed(1)} s\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;

export { removeTempDirs } from '../temp-dirs.ts';
/** A fresh temporary folder; `removeTempDirs` deletes every folder made here. */
export const makeTempDir = (label: string): string => makeTemp(`gpu-report-e2e-${label}`);

/** Every file below dir (hidden ones included), as sorted relative paths; [] when dir is absent. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export function writeFile(file: string, text: string | Uint8Array): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

// ---- diagnostics --------------------------------------------------------------------------

export interface DiagnosticLine {
  readonly line: number;
  readonly col: number;
  /** Everything after `line:col: `: `path: message`, or just `message` for a whole-file problem. */
  readonly text: string;
  readonly raw: string;
}

/** The `file:line:col: path: message` lines that stderr holds for `file`, in order. */
export function diagnosticsFor(stderr: string, file: string): DiagnosticLine[] {
  const prefix = `${file}:`;
  return stderr.split('\n').flatMap((raw) => {
    if (!raw.startsWith(prefix)) return [];
    const m = /^(\d+):(\d+): (.+)$/.exec(raw.slice(prefix.length));
    return m ? [{ line: Number(m[1]), col: Number(m[2]), text: m[3]!, raw }] : [];
  });
}

// ---- PDF (poppler-utils) ------------------------------------------------------------------

export const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly emb: string;
  readonly sub: string;
  readonly uni: string;
}

/** `pdffonts` rows, split by the column widths its dashed line gives. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const dashes = lines[1] ?? '';
  const spans: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const cell = (line: string, i: number) => line.slice(spans[i]![0], spans[i]![1]).trim();
  return lines
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => ({
      name: cell(l, 0),
      type: cell(l, 1),
      emb: cell(l, 3),
      sub: cell(l, 4),
      uni: cell(l, 5),
    }));
}

/** Text with every whitespace character removed (PDF text wraps and spaces CJK freely). */
export const squash = (text: string): string => text.replace(/\s+/gu, '');

// ---- the batch index ----------------------------------------------------------------------

/**
 * A run over more than one scenario also writes a batch index (`index.<format>` for each format
 * asked for) next to the reports (src/batch.ts); a single-scenario run writes none. Batch tests
 * that check "nothing else was written" set these aside, and nothing more.
 */
const isBatchIndex = (file: string): boolean => /^index\.(xlsx|pdf|html|json)$/.test(file);
export const withoutBatchIndex = (files: readonly string[]): string[] => files.filter((f) => !isBatchIndex(f));

/** Builds reports for the fixtures of this folder the way the pipeline does, with a fixed date. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../../src/scenario/parse.ts';
import { resolveScenario, type ResolvedScenario } from '../../src/scenario/resolve.ts';
import { calculateResults, type Results } from '../../src/plan/results.ts';
import { buildReport } from '../../src/analyses/build-report.ts';
import type { Analysis, Block, NoteBlock, Report, TableBlock } from '../../src/report/model.ts';
import type { Locale } from '../../src/i18n/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = [
  'chat-targets',
  'throughput-short',
  'deadline-missed',
  'training-no-fit',
  'mixed-budget-eur',
  'chat-percentile',
  'long-context',
] as const;
export type Fixture = (typeof FIXTURES)[number];

export interface Built {
  readonly scenario: ResolvedScenario;
  readonly results: Results;
  readonly report: Report;
}

const cache = new Map<string, Built>();

/** parseScenario → resolveScenario → calculateResults → buildReport of a scenario text, as the pipeline runs them. */
export function buildText(text: string, file: string, locale: Locale = 'en', generatedAt = new Date(0)): Built {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.diagnostics)}`);
  const scenario = resolveScenario(parsed.scenario);
  const results = calculateResults(scenario);
  const report = buildReport(scenario, results, { file, sha256: '0'.repeat(64), generatedAt, toolVersion: 'test', locale });
  return { scenario, results, report };
}

/** A scenario file (e.g. one of scenarios/), optionally edited first, built by `buildText`. */
export const buildFile = (file: string, locale: Locale = 'en', edit = (s: string) => s): Built =>
  buildText(edit(fs.readFileSync(file, 'utf8')), file, locale);

/** A fixture of this folder, built by `buildText` at 2026-01-01T00:00:00Z (cached). */
export function build(fixture: Fixture, locale: Locale = 'en'): Built {
  const key = `${fixture}/${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = path.join(here, 'fixtures', `${fixture}.yaml`);
  const built = buildText(fs.readFileSync(file, 'utf8'), `${fixture}.yaml`, locale, new Date(1_767_225_600_000));
  cache.set(key, built);
  return built;
}

export function analysis(r: Report, id: string): Analysis {
  const a = r.analyses.find((x) => x.id === id);
  if (!a) throw new Error(`no analysis ${id}`);
  return a;
}

export const tables = (a: Analysis): TableBlock[] => a.blocks.filter((b): b is TableBlock => b.kind === 'table');
export const notes = (a: Analysis): NoteBlock[] => a.blocks.filter((b): b is NoteBlock => b.kind === 'note');
export const table = (a: Analysis, id: string): TableBlock => {
  const b = a.blocks.find((x: Block): x is TableBlock => x.kind === 'table' && x.id === id);
  if (!b) throw new Error(`no table ${id} in ${a.id}`);
  return b;
};

/** Numbers as the report's English notes write them. */
export const en = (n: number, digits = 0): string => new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(n);

export const num = (v: unknown): number => {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
};

/** Resolved scenario + results → the neutral Report. Pure: time, version and locale come in. */
import { ANALYSES } from '../analyses/index.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';
import { CATALOG_DATE } from '../catalog/index.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import type { Results } from '../plan/results.ts';
import type { Report } from './model.ts';

export interface ReportMeta {
  readonly file: string;
  readonly sha256: string;
  readonly generatedAt: Date;
  readonly toolVersion: string;
  readonly locale: Locale;
}

export function buildReport(scenario: ResolvedScenario, results: Results, meta: ReportMeta): Report {
  const t = createTranslator(meta.locale);
  const ctx = { scenario, results, t, locale: meta.locale };
  return {
    schemaVersion: 1,
    tool: { name: 'gpu-report', version: meta.toolVersion },
    locale: meta.locale,
    title: t('app.title'),
    scenario: { name: scenario.name, description: scenario.description, file: meta.file, sha256: meta.sha256 },
    generatedAt: meta.generatedAt.toISOString(),
    catalogDate: CATALOG_DATE,
    currency: scenario.economics.currency,
    headline: buildHeadline(results, scenario.economics.currency),
    analyses: ANALYSES.map((a) => a.build(ctx)),
  };
}

/**
 * The summary's answer as data: the candidate meeting every workload at the lowest base-case
 * owned TCO (the same rule as analyses/summary.ts). No cost per 1M tokens yet: no analysis
 * computes one.
 */
function buildHeadline(results: Results, currency: string): NonNullable<Report['headline']> {
  const best = results.candidates
    .filter((c) => c.fleetGpus !== null && c.tco?.levels)
    .sort((a, b) => a.tco!.levels!.base.ownedTotal - b.tco!.levels!.base.ownedTotal)[0];
  return {
    configuration: best ? `${best.fleetGpus} × ${best.candidate.gpu.name}` : null,
    tcoBase: best ? best.tco!.levels!.base.ownedTotal : null,
    costPerMillionTokens: null,
    currency,
  };
}

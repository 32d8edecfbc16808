/** Resolved scenario + results → the neutral Report. Pure: time, version and locale come in. */
import { ANALYSES } from './index.ts';
import { createTranslator, type Locale, type Translate } from '../i18n/index.ts';
import { CATALOG_DATE } from '../catalog/index.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import { headlineOption, type Results } from '../plan/results.ts';
import type { Report } from '../report/model.ts';

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
    headline: buildHeadline(results, scenario.economics.currency, t),
    analyses: ANALYSES.map((a) => a.build(ctx)),
  };
}

/**
 * The summary's answer as data (same rule as analyses/summary.ts: plan/results.ts headlineOption),
 * for the batch index: configuration, its base cost over the horizon, cost per 1M output tokens.
 */
function buildHeadline(results: Results, currency: string, t: Translate): NonNullable<Report['headline']> {
  const { option } = headlineOption(results);
  return {
    configuration: option
      ? t('acq.with', {
          config: `${option.gpus} × ${option.candidate.candidate.gpu.name}`,
          acq: t(option.acquisition === 'buy' ? 'acq.buy' : 'acq.rent'),
        })
      : null,
    tcoBase: option ? option.total.base : null,
    costPerMillionTokens: option?.costPerMillionTokens?.base ?? null,
    currency,
  };
}

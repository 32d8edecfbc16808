/** Resolved scenario + results → the neutral Report. Pure: time, version and locale come in. */
import { ANALYSES } from './index.ts';
import { createTranslator, type Locale } from '../i18n/index.ts';
import { CATALOG_DATE } from '../catalog/index.ts';
import type { ResolvedScenario } from '../scenario/resolve.ts';
import { headlineOption, type Results } from '../plan/results.ts';
import type { Report, ReportHeadline } from '../report/model.ts';
import { platformName, type AnalysisContext } from './context.ts';
import { ACQ, configurationLabel, remedyText } from './recommendation.ts';

/** The recommended option and the cheapest fix (plan/results.ts headlineOption), worked out once per report. */
type Lead = ReturnType<typeof headlineOption>;

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
  const lead = headlineOption(results);
  return {
    schemaVersion: 3,
    tool: { name: 'gpu-report', version: meta.toolVersion },
    locale: meta.locale,
    title: t('app.title'),
    scenario: { name: scenario.name, description: scenario.description, file: meta.file, sha256: meta.sha256 },
    generatedAt: meta.generatedAt.toISOString(),
    catalogDate: CATALOG_DATE,
    currency: scenario.economics.currency,
    headline: buildHeadline(ctx, lead),
    ...(scenario.request || scenario.priceValidUntil
      ? {
          purchaseRequest: {
            number: scenario.request?.number ?? null,
            costCentre: scenario.request?.costCentre ?? null,
            requester: scenario.request?.requester ?? null,
            neededBy: scenario.request?.neededBy ?? null,
            priceValidUntil: scenario.priceValidUntil ?? null,
            quotedGpus: scenario.candidates.filter((c) => c.quote).map((c) => c.gpu.name),
            estimatedRecommendation: estimatedRecommendation(lead.option),
          },
        }
      : {}),
    analyses: ANALYSES.map((a) => a.build(ctx)),
  };
}

/** The recommended GPU, when it is bought at a catalog estimate rather than a quoted price. */
function estimatedRecommendation(option: Lead['option']): string | null {
  const c = option?.candidate.candidate;
  return option && option.acquisition !== 'rent' && c && !c.quote && c.purchasePrice?.from === 'catalog' ? c.gpu.name : null;
}

/**
 * The summary's answer as data (same rule as analyses/summary.ts: plan/results.ts headlineOption),
 * for the batch index and integrations (docs/json.md#headline): what is bought, its capex, cash
 * over the horizon and NPV, and whether it is within the budget, with the cheapest fix if not.
 */
function buildHeadline(ctx: AnalysisContext, { option, remedy }: Lead): ReportHeadline {
  const { results, scenario, t } = ctx;
  const e = scenario.economics;
  const bought = option?.bought ?? undefined;
  const platform = bought?.platform;
  const fix = remedy ?? (option?.withinBudget === false ? results.remedies[0] : undefined);
  return {
    configuration: option ? t('acq.with', { config: configurationLabel(option, t), acq: t(ACQ[option.acquisition]) }) : null,
    acquisition: option?.acquisition ?? null,
    platform: platform ? { id: platform.id, name: platformName(t, platform) } : null,
    nodes: bought ? bought.nodes : null,
    gpus: option?.gpus ?? null,
    capex: bought?.tco.levels?.base.capex ?? null,
    cashOverHorizon: option ? option.total.base : null,
    npv: option ? option.npv.base : null,
    tcoBase: option ? option.total.base : null,
    costPerMillionTokens: option?.costPerMillionTokens?.base ?? null,
    budgetBasis: option?.acquisition === 'rent' ? 'cash' : e.budgetBasis,
    withinBudget: option?.withinBudget ?? null,
    fix: fix ? remedyText(ctx, fix) : null,
    currency: e.currency,
  };
}

/**
 * Where a candidate's node price, node power and licence come from, as text for the bill of
 * materials' source column and the Assumptions (docs/methodology.md#platforms, #power, #capex).
 * Only lays out what plan/on-candidate.ts `nodeTerms` decided.
 */
import { formatNumber, type AnalysisContext } from './context.ts';
import type { ObservedPrice } from '../catalog/platforms.ts';
import type { NodeSources } from '../plan/on-candidate.ts';

/** The dates of a price's observations: one date, or the first and the last. */
const datesOf = (p: ObservedPrice): string => {
  const dates = [...new Set(p.observations.map((o) => o.date))].sort();
  return dates.length > 1 ? `${dates[0]} – ${dates[dates.length - 1]}` : (dates[0] ?? '');
};

/** The observations' sources, each with its date. */
export const observationsText = (p: ObservedPrice): string => p.observations.map((o) => `${o.source} (${o.date})`).join('; ');

/** low–high USD (one number when they agree). */
export const usdRange = (p: ObservedPrice, locale: AnalysisContext['locale']): string =>
  p.low === p.high ? formatNumber(p.low, locale) : `${formatNumber(p.low, locale)}–${formatNumber(p.high, locale)}`;

/** The bill of materials' source of the server line. */
export function serverSource(ctx: AnalysisContext, sources: NodeSources, gpu: string, from: string): string {
  const { t, locale, scenario } = ctx;
  const p = sources.price;
  if (p.from === 'scenario') return t('bom.source.nodeScenario');
  if (p.from === 'catalog')
    return t('bom.source.nodeCatalog', {
      count: p.observed.observations.length,
      range: usdRange(p.observed, locale),
      dates: datesOf(p.observed),
      sources: observationsText(p.observed),
    });
  if (p.from === 'host') return t('bom.source.nodeHost', { range: usdRange(p.observed, locale), dates: datesOf(p.observed), gpu, from });
  return t('bom.source.servers', { gpu, from, overhead: formatNumber(scenario.economics.serverOverheadMultiplier, locale) });
}

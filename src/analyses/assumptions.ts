/** assumptions: every input, default and constant the numbers rest on, with its source. */
import type { AnalysisBuilder } from './context.ts';
import type { Column, Assumption } from '../report/model.ts';
import type { MessageKey } from '../i18n/index.ts';
import { PROFILES } from '../scenario/profiles.ts';
import { formatNumber, platformName, round, type AnalysisContext } from './context.ts';
import { ECONOMIC_KEYS, parameter, unitText, type EconomicKey } from '../economics/parameters.ts';
import { flagsOf, rentalMedian } from '../catalog/platforms.ts';
import { exportFlag, EXPORT_SOURCE_URL } from '../catalog/export-controls.ts';
import { termText } from './summary.ts';
import type { GpuSpec } from '../catalog/types.ts';
import { observationsText, usdRange } from './node-sources.ts';

/**
 * The catalog's node price, node power and licence of a candidate where the report uses them
 * (docs/methodology.md#platforms, #power, #capex); a scenario's own values are listed with the candidate.
 */
function nodeAssumptions(ctx: AnalysisContext, gpu: GpuSpec): Assumption[] {
  const { results, t, locale } = ctx;
  const node = results.candidates.find((r) => r.candidate.gpu === gpu)?.node;
  if (!node) return [];
  const rows: Assumption[] = [];
  const { price, power, licence } = node.sources;
  if (price.from === 'catalog' || price.from === 'host') {
    const o = price.observed;
    rows.push({
      id: `gpu.${gpu.id}.nodePrice`,
      label: t(price.from === 'catalog' ? 'assume.nodePrice' : 'assume.hostPrice', { gpu: gpu.name }),
      value: t('assume.nodePriceValue', { range: usdRange(o, locale), base: formatNumber(o.base, locale), count: o.observations.length }),
      source: observationsText(o),
      url: o.observations[0]!.url,
    });
  }
  if (power.from === 'catalog') {
    const p = power.power;
    rows.push({
      id: `gpu.${gpu.id}.nodePower`,
      label: t('assume.nodePowerOf', { gpu: gpu.name }),
      value: t('assume.nodePowerValue', { kw: formatNumber(p.loadKw, locale), basis: t(`assume.nodePowerBasis.${p.basis}`) }),
      source: `${p.source} (${p.date})`,
      url: p.url,
    });
  }
  if (licence.source)
    rows.push({
      id: `gpu.${gpu.id}.licence`,
      label: t('assume.licenceOf', { gpu: gpu.name }),
      value: licence.licensed ? t('assume.licenceIncluded', { years: licence.includedYears }) : t('assume.licenceNone'),
      source: `${licence.source.text} (${licence.source.date})`,
      url: licence.source.url,
    });
  return rows;
}

/**
 * One Assumptions row per declared economic parameter: its value, unit, and its source — the
 * scenario where it set the value, else the declaration's source. Money converted from USD is
 * shown to 4 significant digits (conversion noise).
 */
function economicAssumption({ scenario, results, t }: AnalysisContext, key: EconomicKey): Assumption {
  const e = scenario.economics;
  const p = parameter(key);
  const unit = unitText(key, { currency: e.currency, month: t('unit.month'), year: t('unit.year') });
  const source =
    p.settable !== false && e.fromScenario.has(key)
      ? { source: t('source.scenario') }
      : p.source === 'planning'
        ? { source: t('source.planningDefault', { value: p.default }) }
        : p.source === 'tool'
          ? { source: t('source.default') }
          : { source: p.source.text, url: p.source.url };
  return {
    id: key,
    label: t(p.label, { gpus: results.basis.switchPorts }),
    value: p.perUsd ? round(e[key]) : e[key],
    ...(unit ? { unit } : {}),
    ...source,
  };
}

export const buildAssumptions: AnalysisBuilder = (ctx) => {
  const { scenario, results, t } = ctx;
  const e = scenario.economics;
  const { estimatorAssumptions } = results.basis;
  const scenarioSource = t('source.scenario');
  const rate = e.usdExchangeRate;
  /** The US export-control flag of a candidate for the scenario's region (catalog/export-controls.ts). */
  const exportFlags = (gpu: (typeof scenario.candidates)[number]['gpu']): Assumption[] => {
    const f = scenario.region ? exportFlag(gpu, scenario.region) : null;
    if (!f || !scenario.region) return [];
    const value = t(f.kind === 'licence' ? 'flag.exportLicence' : 'flag.exportDensity', {
      gpu: gpu.name,
      tpp: Math.round(f.tpp),
      region: t(`region.${scenario.region}`),
    });
    return [{ id: `gpu.${gpu.id}.export`, label: t('flag.title'), value, source: t('flag.exportSource'), url: EXPORT_SOURCE_URL }];
  };
  const items: Assumption[] = [
    { id: 'currency', label: t('assume.currency'), value: e.currency, source: scenarioSource },
    ...(e.currency !== 'USD'
      ? [
          {
            id: 'usdExchangeRate',
            label: t('assume.usdRate', { currency: e.currency }),
            value: rate,
            unit: `${e.currency}/USD`,
            source: scenarioSource,
          },
        ]
      : []),
    // The economic parameters in declaration order, the budget after the horizon.
    ...ECONOMIC_KEYS.flatMap((key) => [
      economicAssumption(ctx, key),
      ...(key === 'horizonMonths' && e.budget !== undefined
        ? [
            { id: 'budget', label: t('assume.budget'), value: e.budget, unit: e.currency, source: scenarioSource },
            {
              id: 'budgetBasis',
              label: t('assume.budgetBasis'),
              value: t(e.budgetBasis === 'cash' ? 'basis.cash' : 'basis.capex'),
              source: e.fromScenario.has('budgetBasis') ? scenarioSource : t('source.default'),
            },
          ]
        : []),
      // The steady rental's term after the discounts it is derived with (docs/methodology.md#rent).
      ...(key === 'spotDiscount'
        ? [
            {
              id: 'rentalTerm',
              label: t('assume.rentalTerm'),
              value: t('assume.rentalTermValue', { term: t(`term.${e.rentalTerm}`) }),
              source: e.fromScenario.has('rentalTerm') ? scenarioSource : t('source.default'),
            },
          ]
        : []),
    ]),
    ...estimatorAssumptions.map((a) => ({
      id: `estimator.${a.id}`,
      label: t(`assume.est.${a.id}` as MessageKey),
      value: round(a.value),
      unit: localUnit(t, a.unit),
      source: localSource(t, a.source),
      ...(a.url ? { url: a.url } : {}),
    })),
    ...[...new Set(scenario.workloads.flatMap((w) => (w.kind === 'inference' && w.profile ? [w.profile] : [])))].map((p) => ({
      id: `profile.${p}`,
      label: t('assume.profile', { profile: p }),
      value: `${PROFILES[p].concurrency}`,
      unit: t('unit.concurrent'),
      source: PROFILES[p].source,
    })),
    ...[...new Map(scenario.workloads.map((w) => [w.model.id + w.model.name, w.model])).values()].map((m) => ({
      id: `model.${m.id}`,
      label: t('assume.model', { model: m.name }),
      value: t('assume.modelValue', { params: m.paramsB, layers: m.layers, hidden: m.hiddenSize, heads: m.attentionHeads, kv: m.kvHeads }),
      source: m.source,
      ...(m.source.startsWith('http') ? { url: m.source.split(';')[0]! } : {}),
    })),
    ...scenario.candidates.flatMap(({ gpu, purchasePrice, rentalPerGpuHour, platform }) => [
      {
        id: `gpu.${gpu.id}.platform`,
        label: t('assume.platform', { gpu: gpu.name }),
        value: t('assume.platformValue', { name: platformName(t, platform), gpus: platform.gpusPerNode, ru: platform.rackUnits }),
        source: `${platform.source} (${platform.date})`,
        ...(platform.url ? { url: platform.url } : {}),
      },
      ...nodeAssumptions(ctx, gpu),
      ...(rentalPerGpuHour?.from === 'catalog' && rentalMedian(gpu.id)
        ? [
            {
              id: `gpu.${gpu.id}.rentBase`,
              label: t('assume.rentalMedian', { gpu: gpu.name }),
              value: t('assume.rentalMedianValue', { rate: rentalMedian(gpu.id)!.usdPerGpuHour, basis: rentalMedian(gpu.id)!.basis }),
              source: rentalMedian(gpu.id)!.date,
              url: rentalMedian(gpu.id)!.url,
            },
          ]
        : []),
      ...flagsOf(gpu.id).map((f) => ({
        id: `gpu.${gpu.id}.${f.kind}`,
        label: t('flag.title'),
        value: t(f.kind === 'geforceLicence' ? 'flag.geforceLicence' : 'flag.endOfLife', { gpu: gpu.name, detail: f.detail, date: f.date }),
        source: f.detail,
        url: f.url,
      })),
      ...exportFlags(gpu),
      {
        id: `gpu.${gpu.id}.specs`,
        label: t('assume.gpuSpecs', { gpu: gpu.name }),
        value: t('assume.gpuSpecsValue', {
          memory: gpu.memoryGB,
          bandwidth: gpu.memoryBandwidthGBps,
          bf16: gpu.denseTflops.bf16 ?? gpu.denseTflops.fp16 ?? '—',
          tdp: gpu.tdpWatts ?? '—',
        }),
        source: gpu.sources[0] ?? '',
        url: gpu.sources[0] ?? '',
      },
      ...(purchasePrice
        ? [
            {
              id: `gpu.${gpu.id}.price`,
              label: t('assume.gpuPrice', { gpu: gpu.name }),
              value: `${round(purchasePrice.low)}–${round(purchasePrice.high)}`,
              unit: e.currency,
              source:
                purchasePrice.from === 'scenario'
                  ? scenarioSource
                  : t('source.catalogPrice', { basis: gpu.purchasePriceUsd?.basis ?? '', asOf: gpu.purchasePriceUsd?.asOf ?? '' }),
            },
          ]
        : []),
      ...(rentalPerGpuHour
        ? [
            {
              id: `gpu.${gpu.id}.rent`,
              label: t('assume.gpuRent', { gpu: gpu.name }),
              value: `${round(rentalPerGpuHour.low)}–${round(rentalPerGpuHour.high)}`,
              unit: `${e.currency}/GPU-h`,
              source:
                rentalPerGpuHour.from === 'scenario'
                  ? scenarioSource
                  : t('source.catalogRent', { asOf: gpu.cloudUsdPerGpuHour?.asOf ?? '' }),
            },
            ...termAssumption(ctx, gpu),
          ]
        : []),
    ]),
  ];
  const columns: Column[] = [
    { key: 'label', label: t('col.assumption'), format: 'text' },
    { key: 'value', label: t('col.value'), format: 'text' },
    { key: 'unit', label: t('col.unit'), format: 'text' },
    { key: 'source', label: t('col.source'), format: 'text' },
    { key: 'url', label: t('col.link'), format: 'text' },
  ];
  return {
    id: 'assumptions',
    title: t('assumptions.title'),
    intro: t('assumptions.intro'),
    blocks: [
      {
        kind: 'table',
        id: 'assumptions',
        columns,
        rows: items.map((a) => ({
          label: a.label,
          value: typeof a.value === 'number' ? a.value : a.value,
          unit: a.unit ?? '',
          source: a.source,
          url: a.url ?? '',
        })),
      },
    ],
  };
};

/** Generic units of the stated constants, in the report's language (symbols such as GiB, µs stay). */
const UNIT_KEYS = { fraction: 'unit.fraction', bytes: 'unit.bytes', tokens: 'unit.tokens', rank: 'unit.rank' } as const satisfies Record<
  string,
  MessageKey
>;
function localUnit(t: AnalysisContext['t'], unit: string): string {
  return unit in UNIT_KEYS ? t(UNIT_KEYS[unit as keyof typeof UNIT_KEYS]) : unit;
}

/**
 * Generic source phrases of the stated constants in the report's language; citations (papers,
 * tools, documents) are names and stay as written.
 */
function localSource(t: AnalysisContext['t'], source: string): string {
  if (source.startsWith('fitted on ')) return t('source.fitted');
  if (source === 'prior (not identified by the calibration set)') return t('source.prior');
  const note = t('source.projectAssumptionNote');
  return (
    source
      // A full-width note takes no space before it: "… overlap（项目假设）".
      .replace(/ ?\(project assumption\)/g, (m) => (m.startsWith(' ') && note.startsWith('(') ? ` ${note}` : note))
      .replace(/project assumption/g, t('source.projectAssumption'))
  );
}

/** The steady rental term's rate of a candidate GPU: sourced (with its date and address) or derived with the market discount. */
function termAssumption(ctx: AnalysisContext, gpu: { readonly id: string; readonly name: string }): Assumption[] {
  const { t, scenario, results } = ctx;
  const term = results.candidates.find((c) => c.candidate.gpu.id === gpu.id)?.rentTerm;
  if (!term || term.from === 'none') return [];
  const key = term.term === 'reserved' ? 'reservedDiscount' : 'spotDiscount';
  const p = parameter(key).source;
  return [
    {
      id: `gpu.${gpu.id}.rentTerm`,
      label: t('assume.termRate', { gpu: gpu.name, term: t(`term.${term.term}`) }),
      value: termText(ctx, term),
      source:
        term.from === 'sourced'
          ? term.source!.date
          : term.from === 'scenario' || scenario.economics.fromScenario.has(key)
            ? t('source.scenario')
            : typeof p === 'object'
              ? p.text
              : '',
      ...(term.from === 'sourced' ? { url: term.source!.url } : typeof p === 'object' && term.from === 'derived' ? { url: p.url } : {}),
    },
  ];
}

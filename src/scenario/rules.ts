/**
 * Cross-field rules a schema cannot say: ids that must exist in the catalog, fields that
 * depend on each other. They read the raw data defensively, so they run (and report) even
 * when the schema found other problems: the user sees every problem of a file at once.
 */
import { nearestId } from './suggest.ts';
import { cliMessage } from '../i18n/index.ts';
import { GPU_IDS, MODEL_IDS, getModel } from '../catalog/index.ts';
import type { Problem } from './zod-messages.ts';
import type { PathSegment } from './diagnostics.ts';
import { MONEY_USD, USD_EXCHANGE_RATE } from './bounds.ts';
import { SETTABLE_KEYS, parameter } from '../economics/parameters.ts';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Diagnostics are command-line output: English (src/i18n/validate-en.ts). */
const t = cliMessage;

export function checkRules(raw: unknown): Problem[] {
  if (!isObject(raw)) return [];
  return [...checkWorkloads(raw), ...checkCandidates(raw), ...checkEconomics(raw), ...checkQuotes(raw), ...checkMoney(raw)];
}

function checkWorkloads(raw: Raw): Problem[] {
  const problems: Problem[] = [];
  list(raw.workloads).forEach((w, i) => {
    if (!isObject(w)) return;
    const hasModel = w.model !== undefined;
    const hasArch = w.architecture !== undefined;
    if (hasModel === hasArch) {
      problems.push({ path: ['workloads', i], message: t(hasModel ? 'validate.modelAndArchitecture' : 'validate.modelOrArchitecture') });
    }
    if (typeof w.model === 'string' && !MODEL_IDS.includes(w.model)) {
      problems.push({
        path: ['workloads', i, 'model'],
        message: t('validate.unknownModel', { id: w.model, near: nearestId(w.model, MODEL_IDS) }),
      });
    }
    const model = typeof w.model === 'string' ? getModel(w.model) : undefined;
    const arch = isObject(w.architecture) ? w.architecture : undefined;
    const maxContext = model?.maxContextTokens ?? (typeof arch?.maxContextTokens === 'number' ? arch.maxContextTokens : undefined);
    const context =
      w.kind === 'training'
        ? w.seqLen
        : typeof w.inputTokens === 'number' && typeof w.outputTokens === 'number'
          ? w.inputTokens + w.outputTokens
          : undefined;
    if (maxContext !== undefined && typeof context === 'number' && context > maxContext) {
      const field = w.kind === 'training' ? 'seqLen' : 'inputTokens';
      problems.push({ path: ['workloads', i, field], message: t('validate.contextTooLong', { context, max: maxContext }) });
    }
    const cp = w.contextParallel;
    if (
      w.kind === 'training' &&
      typeof cp === 'number' &&
      Number.isInteger(cp) &&
      cp > 1 &&
      typeof w.seqLen === 'number' &&
      w.seqLen % (2 * cp) !== 0
    ) {
      problems.push({
        path: ['workloads', i, 'contextParallel'],
        message: t('validate.contextParallelDivides', { cp, chunks: 2 * cp, seqLen: w.seqLen }),
      });
    }
    const traffic = ['concurrency', 'arrivalRatePerSecond', 'activeUsers'].filter((k) => w[k] !== undefined);
    if (traffic.length > 1)
      problems.push({ path: ['workloads', i, traffic[1]!], message: t('validate.trafficOneOf', { fields: traffic.join(', ') }) });
    if (w.thinkTimeSeconds !== undefined && w.activeUsers === undefined)
      problems.push({ path: ['workloads', i, 'thinkTimeSeconds'], message: t('validate.thinkNeedsUsers') });
    if (arch && typeof arch.activeParamsB === 'number' && typeof arch.paramsB === 'number' && arch.activeParamsB > arch.paramsB) {
      problems.push({
        path: ['workloads', i, 'architecture', 'activeParamsB'],
        message: t('validate.activeExceedsTotal', { total: arch.paramsB }),
      });
    }
    if (arch && typeof arch.activeExperts === 'number' && typeof arch.experts === 'number' && arch.activeExperts > arch.experts) {
      problems.push({
        path: ['workloads', i, 'architecture', 'activeExperts'],
        message: t('validate.activeExpertsExceed', { experts: arch.experts }),
      });
    }
    const sw = isObject(arch?.slidingWindow) ? arch.slidingWindow : undefined;
    if (arch && sw && typeof sw.layers === 'number' && typeof arch.layers === 'number' && sw.layers > arch.layers) {
      problems.push({
        path: ['workloads', i, 'architecture', 'slidingWindow', 'layers'],
        message: t('validate.layersExceed', { layers: arch.layers }),
      });
    }
    if (arch && typeof arch.denseLayers === 'number' && typeof arch.layers === 'number' && arch.denseLayers > arch.layers) {
      problems.push({
        path: ['workloads', i, 'architecture', 'denseLayers'],
        message: t('validate.layersExceed', { layers: arch.layers }),
      });
    }
    if (arch && typeof arch.kvHeads === 'number' && typeof arch.attentionHeads === 'number' && arch.attentionHeads % arch.kvHeads !== 0) {
      problems.push({
        path: ['workloads', i, 'architecture', 'kvHeads'],
        message: t('validate.kvHeadsDivide', { heads: arch.attentionHeads }),
      });
    }
  });
  return problems;
}

function checkCandidates(raw: Raw): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  list(raw.candidates).forEach((c, i) => {
    const id = typeof c === 'string' ? c : isObject(c) && typeof c.gpu === 'string' ? c.gpu : undefined;
    if (id === undefined) return;
    const path = typeof c === 'string' ? ['candidates', i] : ['candidates', i, 'gpu'];
    if (!GPU_IDS.includes(id)) problems.push({ path, message: t('validate.unknownGpu', { id, near: nearestId(id, GPU_IDS) }) });
    else if (seen.has(id)) problems.push({ path, message: t('validate.duplicateGpu', { id, index: seen.get(id)! }) });
    seen.set(id, i);
    const price = isObject(c) ? c.purchasePrice : undefined;
    if (isObject(price) && typeof price.low === 'number' && typeof price.high === 'number' && price.low > price.high) {
      problems.push({ path: ['candidates', i, 'purchasePrice', 'low'], message: t('validate.lowAboveHigh', { high: price.high }) });
    }
    const idle = isObject(c) ? c.nodeIdlePowerKw : undefined;
    const load = isObject(c) ? c.nodePowerKw : undefined;
    if (typeof idle === 'number' && typeof load === 'number' && idle > load) {
      problems.push({ path: ['candidates', i, 'nodeIdlePowerKw'], message: t('validate.idleAboveLoad', { load }) });
    }
    const node = isObject(c) ? c.nodePrice : undefined;
    if (isObject(node) && typeof node.low === 'number' && typeof node.high === 'number' && node.low > node.high) {
      problems.push({ path: ['candidates', i, 'nodePrice', 'low'], message: t('validate.lowAboveHigh', { high: node.high }) });
    }
  });
  return problems;
}

function checkEconomics(raw: Raw): Problem[] {
  const e = raw.economics;
  if (!isObject(e)) return [];
  if (typeof e.currency === 'string' && e.currency !== 'USD' && e.usdExchangeRate === undefined) {
    return [{ path: ['economics', 'currency'], message: t('validate.needsRate', { currency: e.currency }) }];
  }
  return [];
}

/** A quote prices a candidate GPU, and is valid no earlier than it is dated. */
function checkQuotes(raw: Raw): Problem[] {
  const ids = list(raw.candidates).map((c) => (typeof c === 'string' ? c : isObject(c) ? c.gpu : undefined));
  const problems: Problem[] = [];
  list(raw.quotes).forEach((q, i) => {
    if (!isObject(q)) return;
    if (typeof q.gpu === 'string' && !ids.includes(q.gpu))
      problems.push({ path: ['quotes', i, 'gpu'], message: t('validate.quoteNotCandidate', { id: q.gpu }) });
    if (typeof q.date === 'string' && typeof q.validUntil === 'string' && q.validUntil < q.date)
      problems.push({ path: ['quotes', i, 'validUntil'], message: t('validate.quoteExpiredBeforeDated', { date: q.date }) });
  });
  return problems;
}

/**
 * Every amount the scenario states lies in its USD range (scenario/bounds.ts, and the economic
 * parameters' `usd` ranges) converted at the scenario's rate. Values the schema refuses already
 * (not a number, ≤ 0, past the static ceiling) and an unusable rate are left to the schema.
 */
function checkMoney(raw: Raw): Problem[] {
  const e = isObject(raw.economics) ? raw.economics : {};
  const currency = typeof e.currency === 'string' ? e.currency : 'USD';
  const given = e.usdExchangeRate;
  const rate = given === undefined ? (currency === 'USD' ? 1 : undefined) : given;
  if (typeof rate !== 'number' || !(rate >= USD_EXCHANGE_RATE.min && rate <= USD_EXCHANGE_RATE.max)) return [];
  const fields: { path: PathSegment[]; value: unknown; min: number; max: number }[] = [];
  for (const key of SETTABLE_KEYS) {
    const r = parameter(key).range;
    if (r.usd) fields.push({ path: ['economics', key], value: e[key], min: r.min ?? 0, max: r.max ?? Infinity });
  }
  fields.push({ path: ['economics', 'budget'], value: e.budget, ...MONEY_USD.budget });
  list(raw.candidates).forEach((c, i) => {
    if (!isObject(c)) return;
    fields.push({ path: ['candidates', i, 'rentalPerGpuHour'], value: c.rentalPerGpuHour, ...MONEY_USD.rentalPerGpuHour });
    const price = c.purchasePrice;
    const prices: [PathSegment[], unknown][] = isObject(price)
      ? [
          [['candidates', i, 'purchasePrice', 'low'], price.low],
          [['candidates', i, 'purchasePrice', 'high'], price.high],
        ]
      : [[['candidates', i, 'purchasePrice'], price]];
    for (const [path, value] of prices) fields.push({ path, value, ...MONEY_USD.purchasePrice });
    const node = c.nodePrice;
    const nodePrices: [PathSegment[], unknown][] = isObject(node)
      ? [
          [['candidates', i, 'nodePrice', 'low'], node.low],
          [['candidates', i, 'nodePrice', 'high'], node.high],
        ]
      : [[['candidates', i, 'nodePrice'], node]];
    for (const [path, value] of nodePrices) fields.push({ path, value, ...MONEY_USD.nodePrice });
  });
  const show = (usd: number) => String(Number((usd * rate).toPrecision(6)));
  return fields
    .filter((f) => typeof f.value === 'number' && Number.isFinite(f.value))
    .filter((f) => (f.value as number) / rate < f.min || (f.value as number) / rate > f.max)
    .map((f) => ({
      path: f.path,
      replacesSchema: true,
      message: t('validate.moneyRange', {
        min: show(f.min),
        max: show(f.max),
        currency,
        usd: currency === 'USD' ? '' : t('validate.moneyRangeUsd', { min: f.min, max: f.max, rate }),
        got: t('validate.got', { value: String(f.value) }),
      }),
    }));
}

/**
 * `gpu-report estimate`: one configuration's memory and speed, as a table or `--json`
 * (keys documented in docs/estimate.md). The numbers come from the pure core in src/calc.
 */
import type { Argv, CommandModule } from 'yargs';
import { GPU_IDS, MODEL_IDS, getGpu, getModel } from '../catalog/index.ts';
import { PRECISIONS, type ModelArch, type Precision } from '../catalog/types.ts';
import type { Band } from '../calc/band.ts';
import { SERVING_ENGINES, type ServingEngine } from '../calc/coverage.ts';
import { DEFAULT_ENGINE } from '../calc/engines.ts';
import { MEMORY } from '../calc/memory-constants.ts';
import { LENGTH_PROFILES, LENGTH_PROFILE_IDS, type LengthProfileId } from '../calc/lengths.ts';
import type { Traffic as EstimateTraffic } from '../calc/inference.ts';
import { customModel, runEstimate, type EstimateJson, type EstimateRequest } from '../calc/estimate-core.ts';
import { UserError } from '../errors.ts';
import { type MessageKey, cliMessage } from '../i18n/index.ts';
import { printOut } from '../log.ts';
import { nearestId } from '../scenario/suggest.ts';
import { checkEstimateFlags } from './estimate-check.ts';

const t = cliMessage;
type Args = Record<string, unknown>;
const METHODS = ['full', 'lora', 'qlora'] as const;
const RECOMPUTE = ['none', 'selective', 'full'] as const;
/** Defaults of flags left out (shown in the help). */
const DEFAULT_VOCAB = 32000;
const DEFAULT_INPUT_TOKENS = 1024;
const DEFAULT_OUTPUT_TOKENS = 256;
const DEFAULT_SEQ_LEN = 4096;

function bad(flag: string, expected: string, value: unknown): never {
  throw new UserError(t('estimate.error.badValue', { flag, expected, value: String(value) }));
}
function int(a: Args, flag: string, fallback?: number): number {
  const v = a[flag] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) bad(flag, t('estimate.expected.positiveInteger'), v);
  return v;
}
/** --arrival-rate (requests/s) or --users with --think-time (s): concurrency then follows (Little's law). */
function trafficOf(a: Args): { traffic?: EstimateTraffic } {
  if (a['arrival-rate'] !== undefined) return { traffic: { arrivalRatePerSecond: positive(a, 'arrival-rate') } };
  if (a.users === undefined) return {};
  const think = a['think-time'] ?? 0;
  if (typeof think !== 'number' || !Number.isFinite(think) || think < 0) bad('think-time', t('estimate.expected.positiveNumber'), think);
  return { traffic: { activeUsers: int(a, 'users'), thinkTimeSeconds: think } };
}
/** --lengths <dataset profile>, or --input-tokens / --output-tokens as means with optional --*-p90 (calc/lengths.ts). */
function lengthsOf(
  a: Args,
): Pick<Extract<EstimateRequest, { mode: 'inference' }>, 'inputTokens' | 'outputTokens' | 'inputTokensP90' | 'outputTokensP90'> {
  if (a.lengths !== undefined) {
    const p = LENGTH_PROFILES[oneOf<LengthProfileId>(a, 'lengths', LENGTH_PROFILE_IDS, LENGTH_PROFILE_IDS[0])];
    const r = Math.round;
    return {
      inputTokens: r(p.input.mean),
      outputTokens: r(p.output.mean),
      inputTokensP90: r(p.input.p90),
      outputTokensP90: r(p.output.p90),
    };
  }
  const inputTokens = int(a, 'input-tokens', DEFAULT_INPUT_TOKENS);
  const outputTokens = int(a, 'output-tokens', DEFAULT_OUTPUT_TOKENS);
  const p90 = (flag: string, mean: number): number | undefined => {
    const v = optionalInt(a, flag);
    if (v !== undefined && v < mean) bad(flag, t('estimate.expected.atLeastMean', { mean }), v);
    return v;
  };
  const inputTokensP90 = p90('input-tokens-p90', inputTokens);
  const outputTokensP90 = p90('output-tokens-p90', outputTokens);
  return {
    inputTokens,
    outputTokens,
    ...(inputTokensP90 === undefined ? {} : { inputTokensP90 }),
    ...(outputTokensP90 === undefined ? {} : { outputTokensP90 }),
  };
}
const optionalInt = (a: Args, flag: string): number | undefined => (a[flag] === undefined ? undefined : int(a, flag));
function positive(a: Args, flag: string): number {
  const v = a[flag];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) bad(flag, t('estimate.expected.positiveNumber'), v);
  return v;
}
function oneOf<T extends string>(a: Args, flag: string, choices: readonly T[], fallback: T): T {
  const v = a[flag] ?? fallback;
  if (!choices.includes(v as T)) bad(flag, t('estimate.expected.oneOf', { choices: choices.join(', ') }), v);
  return v as T;
}

function resolveModel(a: Args): ModelArch {
  if (typeof a.model === 'string') {
    const m = getModel(a.model);
    if (!m) throw new UserError(t('estimate.error.unknownModel', { id: a.model, suggestion: nearestId(a.model, MODEL_IDS) }));
    return m;
  }
  if (a.params === undefined || a.layers === undefined || a.hidden === undefined || a.heads === undefined)
    throw new UserError(t('estimate.error.modelRequired'));
  const hidden = int(a, 'hidden');
  const heads = int(a, 'heads');
  const experts = int(a, 'experts', 1);
  return customModel({
    paramsB: positive(a, 'params'),
    layers: int(a, 'layers'),
    hidden,
    heads,
    kvHeads: int(a, 'kv-heads', heads),
    ffn: int(a, 'ffn', 4 * hidden),
    vocab: int(a, 'vocab', DEFAULT_VOCAB),
    experts,
    activeExperts: int(a, 'active-experts', Math.min(2, experts)),
    kvLatentDim: optionalInt(a, 'kv-latent-dim'),
    slidingWindow:
      a['sliding-window'] === undefined
        ? undefined
        : { tokens: int(a, 'sliding-window'), layers: int(a, 'sliding-layers', Number(a.layers)) },
    sharedExperts: a['shared-experts'] === undefined ? 0 : Number(a['shared-experts']),
    denseLayers: a['dense-layers'] === undefined ? 0 : Number(a['dense-layers']),
  });
}

/** Flags to a request; throws UserError for unknown ids and bad values. Exported for tests. */
export function parseEstimateArgs(a: Args): EstimateRequest {
  const gpuId = String(a.gpu ?? '');
  const gpu = getGpu(gpuId);
  if (!gpu) throw new UserError(t('estimate.error.unknownGpu', { id: gpuId, suggestion: nearestId(gpuId, GPU_IDS) }));
  if (typeof a.model === 'string' && !getModel(a.model))
    throw new UserError(t('estimate.error.unknownModel', { id: a.model, suggestion: nearestId(a.model, MODEL_IDS) }));
  if (typeof a.model !== 'string' && (a.params === undefined || a.layers === undefined || a.hidden === undefined || a.heads === undefined))
    throw new UserError(t('estimate.error.modelRequired'));
  checkEstimateFlags(a);
  const model = resolveModel(a);
  const gpus = int(a, 'gpus', 1);
  const precision = oneOf<Precision>(a, 'precision', PRECISIONS, 'bf16');
  if (a.mode === 'training') {
    if (a.tokens === undefined) throw new UserError(t('estimate.error.tokensRequired'));
    const zero = a.zero === undefined ? undefined : oneOf(a, 'zero', ['0', '1', '2', '3'] as const, '0');
    return {
      mode: 'training',
      gpu,
      gpus,
      model,
      precision,
      seqLen: int(a, 'seq-len', DEFAULT_SEQ_LEN),
      tokens: positive(a, 'tokens'),
      method: oneOf(a, 'method', METHODS, 'full'),
      zeroStage: zero === undefined ? undefined : (Number(zero) as 0 | 1 | 2 | 3),
      recompute: a.recompute === undefined ? undefined : oneOf(a, 'recompute', RECOMPUTE, 'full'),
      tensorParallel: optionalInt(a, 'tensor-parallel'),
      pipelineParallel: optionalInt(a, 'pipeline-parallel'),
      contextParallel: optionalInt(a, 'context-parallel'),
      microBatch: optionalInt(a, 'micro-batch'),
      globalBatchTokens: optionalInt(a, 'global-batch-tokens'),
      loraRank: optionalInt(a, 'lora-rank'),
    };
  }
  return {
    mode: 'inference',
    gpu,
    gpus,
    model,
    precision,
    kvPrecision: oneOf<Precision>(a, 'kv-precision', PRECISIONS, 'bf16'),
    ...lengthsOf(a),
    concurrency: int(a, 'concurrency', 1),
    engine: oneOf<ServingEngine>(a, 'engine', SERVING_ENGINES, DEFAULT_ENGINE),
    tensorParallel: optionalInt(a, 'tensor-parallel'),
    ...trafficOf(a),
  };
}

const n = (x: number, digits = 1): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pcts = (p: { p50: number; p90: number; p99: number }): string => `${n(p.p50)} / ${n(p.p90)} / ${n(p.p99)}`;
const b = (x: Band, digits = 1): string => `${n(x.value, digits)} [${n(x.low, digits)}–${n(x.high, digits)}]`;

/** The human table (catalogue labels). */
export function formatEstimate(r: EstimateJson): string {
  const rows: [MessageKey, string][] = [
    ['estimate.label.mode', t(r.mode === 'inference' ? 'estimate.mode.inference' : 'estimate.mode.training')],
    ['estimate.label.gpu', `${r.gpus} x ${r.gpu}`],
    ['estimate.label.model', r.model],
    ['estimate.label.precision', r.precision],
    ['estimate.label.fits', t(r.fits ? 'estimate.value.yes' : 'estimate.value.no')],
  ];
  if (r.reason) rows.push(['estimate.label.reason', r.reason]);
  const m = r.memory;
  rows.push(
    ['estimate.label.memoryPerGpu', n(m.perGpuGiB)],
    ['estimate.label.memoryTotal', n(m.totalGiB)],
    ['estimate.label.weights', n(m.weightsGiB)],
  );
  if (m.usableGiBPerGpu !== undefined) rows.push(['estimate.label.usablePerGpu', n(m.usableGiBPerGpu)]);
  if (r.mode === 'inference') rows.push(['estimate.label.kvCache', n(m.kvCacheGiB)]);
  if (m.gradientsGiB !== undefined)
    rows.push(['estimate.label.gradients', n(m.gradientsGiB)], ['estimate.label.optimizer', n(m.optimizerGiB ?? 0)]);
  rows.push(['estimate.label.activations', n(m.activationsGiB)], ['estimate.label.overhead', n(m.overheadGiB)]);
  const i = r.inference;
  if (i) {
    rows.push(['estimate.label.engine', i.engine], ['estimate.label.concurrency', n(i.concurrency, 1)]);
    rows.push(['estimate.label.ttftPercentiles', pcts(i.ttftMsPercentiles)], ['estimate.label.tpotPercentiles', pcts(i.tpotMsPercentiles)]);
    rows.push(
      ['estimate.label.tensorParallel', String(i.tensorParallel)],
      ['estimate.label.replicas', String(i.replicas)],
      ['estimate.label.maxConcurrency', String(i.maxConcurrency)],
    );
    rows.push(
      ['estimate.label.ttft', b(i.ttftMs)],
      ['estimate.label.tpot', b(i.tpotMs)],
      ['estimate.label.throughput', b(i.outputTokensPerSecond, 0)],
      ['estimate.label.throughputPerGpu', b(i.outputTokensPerSecondPerGpu, 0)],
    );
  }
  const tr = r.training;
  if (tr) {
    const p = tr.plan;
    const cp = p.contextParallel > 1 ? ` x ${p.contextParallel}` : '';
    rows.push([
      p.contextParallel > 1 ? 'estimate.label.planCp' : 'estimate.label.plan',
      `${p.dataParallel} x ${p.tensorParallel} x ${p.pipelineParallel}${cp}, ZeRO-${p.zeroStage}, ${p.recompute}, ${p.microBatch}`,
    ]);
    rows.push(
      ['estimate.label.tokensPerGpu', b(tr.tokensPerSecondPerGpu, 0)],
      ['estimate.label.mfu', b(tr.mfu, 3)],
      ['estimate.label.days', b(tr.days, 1)],
      ['estimate.label.gpuHours', b(tr.gpuHours, 0)],
    );
  }
  const labels = rows.map(([k]) => t(k));
  const width = Math.max(...labels.map((l) => l.length));
  const body = rows.map(([, v], idx) => `${labels[idx]!.padEnd(width)}  ${v}`).join('\n');
  const extrapolated = (r.inference ?? r.training)?.extrapolated ? `\n${t('estimate.extrapolatedNote')}` : '';
  return r.fits ? `${body}\n\n${t('estimate.bandNote')}${extrapolated}` : body;
}

/** The flags; their help texts are read when yargs builds the command, after the language is set. */
function builder(y: Argv): Argv {
  const num = (key: MessageKey, params?: Record<string, string | number>) => ({ type: 'number', describe: t(key, params) }) as const;
  const str = (key: MessageKey, params?: Record<string, string | number>) => ({ type: 'string', describe: t(key, params) }) as const;
  const tokens = (n: number) => ({ tokens: n });
  return y
    .option('mode', { choices: ['inference', 'training'] as const, default: 'inference', describe: t('cli.help.est.mode') })
    .option('gpu', { ...str('cli.help.est.gpu'), demandOption: true })
    .option('gpus', { ...num('cli.help.est.gpus'), default: 1 })
    .option('model', str('cli.help.est.model'))
    .option('params', num('cli.help.est.params'))
    .option('layers', num('cli.help.est.layers'))
    .option('hidden', num('cli.help.est.hidden'))
    .option('heads', num('cli.help.est.heads'))
    .option('kv-heads', num('cli.help.est.kvHeads'))
    .option('ffn', num('cli.help.est.ffn'))
    .option('vocab', num('cli.help.est.vocab', { vocab: DEFAULT_VOCAB }))
    .option('experts', num('cli.help.est.experts'))
    .option('active-experts', num('cli.help.est.activeExperts'))
    .option('kv-latent-dim', num('cli.help.est.kvLatentDim'))
    .option('sliding-window', num('cli.help.est.slidingWindow'))
    .option('sliding-layers', num('cli.help.est.slidingLayers'))
    .option('shared-experts', num('cli.help.est.sharedExperts'))
    .option('dense-layers', num('cli.help.est.denseLayers'))
    .option('precision', { ...str('cli.help.est.precision', { precisions: PRECISIONS.join(' | ') }), default: 'bf16' })
    .option('kv-precision', str('cli.help.est.kvPrecision'))
    .option('input-tokens', num('cli.help.est.inputTokens', tokens(DEFAULT_INPUT_TOKENS)))
    .option('output-tokens', num('cli.help.est.outputTokens', tokens(DEFAULT_OUTPUT_TOKENS)))
    .option('input-tokens-p90', num('cli.help.est.inputTokensP90'))
    .option('output-tokens-p90', num('cli.help.est.outputTokensP90'))
    .option('lengths', str('cli.help.est.lengths', { profiles: LENGTH_PROFILE_IDS.join(' | ') }))
    .option('concurrency', num('cli.help.est.concurrency'))
    .option('arrival-rate', num('cli.help.est.arrivalRate'))
    .option('users', num('cli.help.est.users'))
    .option('think-time', num('cli.help.est.thinkTime'))
    .option('seq-len', num('cli.help.est.seqLen', tokens(DEFAULT_SEQ_LEN)))
    .option('tokens', num('cli.help.est.tokens'))
    .option('method', str('cli.help.est.method', { methods: METHODS.join(' | ') }))
    .option('zero', str('cli.help.est.zero'))
    .option('recompute', str('cli.help.est.recompute', { modes: RECOMPUTE.join(' | ') }))
    .option('engine', str('cli.help.est.engine', { engines: SERVING_ENGINES.join(' | '), engine: DEFAULT_ENGINE }))
    .option('tensor-parallel', num('cli.help.est.tensorParallel'))
    .option('pipeline-parallel', num('cli.help.est.pipelineParallel'))
    .option('context-parallel', num('cli.help.est.contextParallel'))
    .option('micro-batch', num('cli.help.est.microBatch'))
    .option('global-batch-tokens', num('cli.help.est.globalBatchTokens'))
    .option('lora-rank', num('cli.help.est.loraRank', { rank: MEMORY.defaultLoraRank }))
    .option('json', { type: 'boolean', default: false, describe: t('cli.help.opt.json') });
}

/** The command, made when src/cli.ts builds the command table: its description in the language set by then. */
export const estimateCommand = (): CommandModule<object, Args> => ({
  command: 'estimate',
  describe: t('cli.help.estimate'),
  builder: builder as unknown as CommandModule<object, Args>['builder'],
  handler: (a: Args) => {
    const result = runEstimate(parseEstimateArgs(a));
    printOut(a.json ? JSON.stringify(result, null, 2) : formatEstimate(result));
  },
});

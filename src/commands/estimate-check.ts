/**
 * `estimate` flags checked like a scenario workload (issue 14, defect 17): the flags become one
 * workload object validated by the scenario's zod schema and cross-field rules
 * (src/scenario/schema.ts, src/scenario/rules.ts), so the same mistakes give the same messages;
 * flags of the other mode and architecture flags beside `--model` are refused. Exit code 2.
 */
import { cliMessage } from '../i18n/index.ts';
import { UserError } from '../errors.ts';
import { checkRules } from '../scenario/rules.ts';
import { inferenceWorkloadSchema, trainingWorkloadSchema } from '../scenario/schema.ts';
import { describeIssues, type Problem } from '../scenario/zod-messages.ts';

const t = cliMessage;
type Args = Record<string, unknown>;

/** Flag for each workload / architecture field (the scenario's names, docs/scenario.md). */
const FLAG_OF: Readonly<Record<string, string>> = {
  paramsB: 'params',
  activeParamsB: 'params',
  layers: 'layers',
  hiddenSize: 'hidden',
  attentionHeads: 'heads',
  kvHeads: 'kv-heads',
  ffnSize: 'ffn',
  vocabSize: 'vocab',
  experts: 'experts',
  activeExperts: 'active-experts',
  kvLatentDim: 'kv-latent-dim',
  sharedExperts: 'shared-experts',
  denseLayers: 'dense-layers',
  tokens: 'tokens',
  inputTokens: 'input-tokens',
  outputTokens: 'output-tokens',
  concurrency: 'concurrency',
  seqLen: 'seq-len',
  precision: 'precision',
  kvPrecision: 'kv-precision',
  method: 'method',
  model: 'model',
  contextParallel: 'context-parallel',
};

const ARCHITECTURE_FLAGS = [
  'params',
  'layers',
  'hidden',
  'heads',
  'kv-heads',
  'ffn',
  'vocab',
  'experts',
  'active-experts',
  'kv-latent-dim',
  'sliding-window',
  'sliding-layers',
  'shared-experts',
  'dense-layers',
] as const;
const TRAINING_ONLY = [
  'tokens',
  'seq-len',
  'method',
  'zero',
  'recompute',
  'pipeline-parallel',
  'context-parallel',
  'micro-batch',
  'global-batch-tokens',
  'lora-rank',
] as const;
const INFERENCE_ONLY = [
  'input-tokens',
  'output-tokens',
  'input-tokens-p90',
  'output-tokens-p90',
  'lengths',
  'concurrency',
  'kv-precision',
  'engine',
  'arrival-rate',
  'users',
  'think-time',
] as const;

const given = (a: Args, flags: readonly string[]): string[] => flags.filter((f) => a[f] !== undefined);

function architectureOf(a: Args): Args {
  const arch: Args = { name: 'custom' };
  const put = (key: string, flag: string) => {
    if (a[flag] !== undefined) arch[key] = a[flag];
  };
  put('paramsB', 'params');
  put('layers', 'layers');
  put('hiddenSize', 'hidden');
  put('attentionHeads', 'heads');
  put('kvHeads', 'kv-heads');
  arch.ffnSize = a.ffn ?? (typeof a.hidden === 'number' ? 4 * a.hidden : undefined);
  arch.vocabSize = a.vocab ?? 32000;
  put('experts', 'experts');
  put('activeExperts', 'active-experts');
  put('kvLatentDim', 'kv-latent-dim');
  put('sharedExperts', 'shared-experts');
  put('denseLayers', 'dense-layers');
  if (a['sliding-window'] !== undefined || a['sliding-layers'] !== undefined)
    arch.slidingWindow = { tokens: a['sliding-window'], layers: a['sliding-layers'] ?? a.layers };
  arch.maxContextTokens = 131072;
  return arch;
}

const lengthField = (mean: unknown, p90: unknown): unknown => (p90 === undefined ? mean : { mean, p90 });

/** The flags as a scenario workload (only what the user gave, with the command's defaults). */
function workloadOf(a: Args): Args {
  const model = typeof a.model === 'string' ? { model: a.model } : { architecture: architectureOf(a) };
  const common = { name: 'estimate', ...model, precision: a.precision ?? 'bf16' };
  if (a.mode === 'training') {
    return {
      ...common,
      kind: 'training',
      seqLen: a['seq-len'] ?? 4096,
      tokens: a.tokens,
      ...(a.method ? { method: a.method } : {}),
      ...(a['context-parallel'] === undefined ? {} : { contextParallel: a['context-parallel'] }),
    };
  }
  return {
    ...common,
    kind: 'inference',
    // A dataset profile validates as its name; --*-p90 as the { mean, p90 } a scenario would give.
    inputTokens: a.lengths ?? lengthField(a['input-tokens'] ?? 1024, a['input-tokens-p90']),
    outputTokens: a.lengths ?? lengthField(a['output-tokens'] ?? 256, a['output-tokens-p90']),
    concurrency: a.concurrency ?? 1,
    ...(a['kv-precision'] ? { kvPrecision: a['kv-precision'] } : {}),
  };
}

const flagFor = (p: Problem): string => {
  if (p.path.includes('slidingWindow')) return p.path.at(-1) === 'layers' ? '--sliding-layers' : '--sliding-window';
  const key = [...p.path].reverse().find((s) => typeof s === 'string' && FLAG_OF[s] !== undefined);
  return typeof key === 'string' ? `--${FLAG_OF[key]}` : p.path.join('.');
};

/** Throws UserError (exit 2) listing every problem of the flags, as `validate` would for a scenario. */
export function checkEstimateFlags(a: Args): void {
  const problems: string[] = [];
  const arch = given(a, ARCHITECTURE_FLAGS);
  if (typeof a.model === 'string' && arch.length > 0)
    problems.push(t('estimate.error.modelAndArchitecture', { flags: arch.map((f) => `--${f}`).join(', ') }));
  const wrongMode = a.mode === 'training' ? given(a, INFERENCE_ONLY) : given(a, TRAINING_ONLY);
  if (wrongMode.length > 0)
    problems.push(t('estimate.error.otherMode', { flags: wrongMode.map((f) => `--${f}`).join(', '), mode: String(a.mode ?? 'inference') }));
  const traffic = given(a, ['concurrency', 'arrival-rate', 'users']);
  if (traffic.length > 1) problems.push(t('estimate.error.oneOf', { flags: traffic.map((f) => `--${f}`).join(', ') }));
  if (a['think-time'] !== undefined && a.users === undefined) problems.push(t('estimate.error.thinkNeedsUsers'));
  const cp = a['context-parallel'];
  const gpus = a.gpus ?? 1;
  if (typeof cp === 'number' && Number.isInteger(cp) && cp > 0 && typeof gpus === 'number' && Number.isInteger(gpus) && gpus % cp !== 0)
    problems.push(t('estimate.error.contextParallelGpus', { cp, gpus }));
  const lengths = given(a, ['lengths', 'input-tokens', 'output-tokens', 'input-tokens-p90', 'output-tokens-p90']);
  if (a.lengths !== undefined && lengths.length > 1)
    problems.push(t('estimate.error.oneOf', { flags: ['--lengths', '--input-tokens / --output-tokens'].join(', ') }));
  if (problems.length === 0) {
    const raw = workloadOf(a);
    const schema = a.mode === 'training' ? trainingWorkloadSchema : inferenceWorkloadSchema;
    const parsed = schema.safeParse(raw);
    const found = [...(parsed.success ? [] : describeIssues(parsed.error.issues, raw, schema)), ...checkRules({ workloads: [raw] })];
    for (const p of found) problems.push(`${flagFor(p)}: ${p.message}`);
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
}

/** English messages: the reference catalogue. Keys are grouped by prefix (area.name). */
import { purchaseEn } from './purchase-en.ts';
import { reportEn } from './report-en.ts';
import { performanceEn } from './performance-en.ts';
import { documentEn } from './document-en.ts';
import { cliEn } from './cli-en.ts';
import { helpEn } from './help-en.ts';
import { workbookEn } from './workbook-en.ts';
import { batchEn } from './batch-en.ts';
import { economicsEn } from './economics-en.ts';
import { assumptionsEn } from './assumptions-en.ts';
import { validateEn } from './validate-en.ts';
import { platformsEn } from './platforms-en.ts';

export const en = {
  ...platformsEn,
  ...purchaseEn,
  ...validateEn,
  ...assumptionsEn,
  ...economicsEn,
  ...cliEn,
  ...helpEn,
  ...batchEn,
  ...reportEn,
  ...performanceEn,
  ...documentEn,
  ...workbookEn,
  'app.title': 'GPU procurement report',
  'estimate.error.unknownGpu': 'unknown GPU "{id}"; did you mean "{suggestion}"?',
  'estimate.error.unknownModel': 'unknown model "{id}"; did you mean "{suggestion}"?',
  'estimate.error.badValue': '--{flag} must be {expected}; got "{value}"',
  'estimate.error.modelRequired': 'give --model ID, or --params, --layers, --hidden and --heads for a custom architecture',
  'estimate.error.tokensRequired': 'training needs --tokens (total training tokens)',
  'estimate.expected.positiveInteger': 'a positive integer',
  'estimate.expected.positiveNumber': 'a positive number',
  'estimate.expected.atLeastMean': 'an integer of at least the mean ({mean})',
  'estimate.expected.oneOf': 'one of {choices}',
  'estimate.label.mode': 'Mode',
  'estimate.label.gpu': 'GPU',
  'estimate.label.model': 'Model',
  'estimate.label.precision': 'Precision',
  'estimate.label.fits': 'Fits in memory',
  'estimate.label.reason': 'Why not',
  'estimate.label.memoryTotal': 'Memory, all GPUs (GiB)',
  'estimate.label.memoryPerGpu': 'Memory per GPU (GiB)',
  'estimate.label.usablePerGpu': 'Usable per GPU (GiB)',
  'estimate.label.weights': 'Weights (GiB)',
  'estimate.label.kvCache': 'KV cache (GiB)',
  'estimate.label.activations': 'Activations (GiB)',
  'estimate.label.overhead': 'Runtime overhead (GiB)',
  'estimate.label.gradients': 'Gradients per GPU (GiB)',
  'estimate.label.optimizer': 'Optimizer state per GPU (GiB)',
  'estimate.label.tensorParallel': 'Tensor parallel',
  'estimate.label.engine': 'Serving engine',
  'estimate.label.concurrency': 'Requests in service',
  'estimate.label.ttftPercentiles': 'TTFT p50 / p90 / p99 (ms)',
  'estimate.label.tpotPercentiles': 'TPOT p50 / p90 / p99 (ms)',
  'estimate.error.oneOf': 'give only one of {flags}',
  'estimate.error.thinkNeedsUsers': '--think-time applies with --users',
  'estimate.error.contextParallelGpus': '--context-parallel {cp} must divide --gpus ({gpus})',
  'estimate.label.replicas': 'Replicas',
  'estimate.label.maxConcurrency': 'Max concurrent sequences',
  'estimate.label.ttft': 'Time to first token (ms)',
  'estimate.label.tpot': 'Time per output token (ms)',
  'estimate.label.throughput': 'Output tokens/s (system)',
  'estimate.label.throughputPerGpu': 'Output tokens/s per GPU',
  'estimate.label.plan': 'Layout (DP x TP x PP, ZeRO, recompute, micro-batch)',
  'estimate.label.planCp': 'Layout (DP x TP x PP x CP, ZeRO, recompute, micro-batch)',
  'estimate.label.tokensPerGpu': 'Training tokens/s per GPU',
  'estimate.label.mfu': 'MFU',
  'estimate.label.days': 'Days',
  'estimate.label.gpuHours': 'GPU-hours',
  'estimate.value.yes': 'yes',
  'estimate.value.no': 'no',
  'estimate.mode.inference': 'inference',
  'estimate.mode.training': 'training',
  'estimate.error.modelAndArchitecture': '--model names a catalog model; drop the architecture flags ({flags}) or --model',
  'estimate.error.otherMode': '{flags} do not apply in {mode} mode',
  'estimate.bandNote': 'Ranges in brackets are the out-of-sample error band (docs/accuracy.md).',
  'estimate.extrapolatedNote':
    'Extrapolated: no calibration measurement covers this GPU family, precision or engine, so the band is widened (docs/accuracy.md).',
} as const;

export type MessageKey = keyof typeof en;

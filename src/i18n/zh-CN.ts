/** Simplified Chinese messages: every key of en.ts, checked by the type. */
import type { MessageKey } from './en.ts';

import { purchaseZhCN } from './purchase-zh-CN.ts';
import { reportZhCN } from './report-zh-CN.ts';
import { performanceZhCN } from './performance-zh-CN.ts';
import { documentZhCN } from './document-zh-CN.ts';
import { cliZhCN } from './cli-zh-CN.ts';
import { helpZhCN } from './help-zh-CN.ts';
import { workbookZhCN } from './workbook-zh-CN.ts';
import { batchZhCN } from './batch-zh-CN.ts';
import { economicsZhCN } from './economics-zh-CN.ts';
import { assumptionsZhCN } from './assumptions-zh-CN.ts';
import { validateZhCN } from './validate-zh-CN.ts';
import { platformsZhCN } from './platforms-zh-CN.ts';

export const zhCN = {
  ...platformsZhCN,
  ...purchaseZhCN,
  ...validateZhCN,
  ...assumptionsZhCN,
  ...economicsZhCN,
  ...cliZhCN,
  ...helpZhCN,
  ...batchZhCN,
  ...reportZhCN,
  ...performanceZhCN,
  ...documentZhCN,
  ...workbookZhCN,
  'app.title': 'GPU 采购报告',
  'estimate.error.unknownGpu': '未知 GPU "{id}"；您是否指 "{suggestion}"？',
  'estimate.error.unknownModel': '未知模型 "{id}"；您是否指 "{suggestion}"？',
  'estimate.error.badValue': '--{flag} 必须是{expected}；收到 "{value}"',
  'estimate.error.modelRequired': '请提供 --model ID，或用 --params、--layers、--hidden、--heads 描述自定义架构',
  'estimate.error.tokensRequired': '训练模式需要 --tokens（训练总 token 数）',
  'estimate.expected.positiveInteger': '正整数',
  'estimate.expected.positiveNumber': '正数',
  'estimate.expected.atLeastMean': '不小于均值（{mean}）的整数',
  'estimate.expected.oneOf': '以下之一：{choices}',
  'estimate.label.mode': '模式',
  'estimate.label.gpu': 'GPU',
  'estimate.label.model': '模型',
  'estimate.label.precision': '精度',
  'estimate.label.fits': '显存是否足够',
  'estimate.label.reason': '原因',
  'estimate.label.memoryTotal': '全部 GPU 显存 (GiB)',
  'estimate.label.memoryPerGpu': '每 GPU 显存 (GiB)',
  'estimate.label.usablePerGpu': '每 GPU 可用 (GiB)',
  'estimate.label.weights': '权重 (GiB)',
  'estimate.label.kvCache': 'KV 缓存 (GiB)',
  'estimate.label.activations': '激活 (GiB)',
  'estimate.label.overhead': '运行时开销 (GiB)',
  'estimate.label.gradients': '每 GPU 梯度 (GiB)',
  'estimate.label.optimizer': '每 GPU 优化器状态 (GiB)',
  'estimate.label.tensorParallel': '张量并行',
  'estimate.label.engine': '推理引擎',
  'estimate.label.concurrency': '服务中的请求数',
  'estimate.label.ttftPercentiles': '首 token 时延 p50 / p90 / p99（毫秒）',
  'estimate.label.tpotPercentiles': '每输出 token 时延 p50 / p90 / p99（毫秒）',
  'estimate.error.oneOf': '{flags} 只能给出其一',
  'estimate.error.thinkNeedsUsers': '--think-time 须与 --users 一起使用',
  'estimate.error.contextParallelGpus': '--context-parallel {cp} 必须整除 --gpus（{gpus}）',
  'estimate.label.replicas': '副本数',
  'estimate.label.maxConcurrency': '最大并发序列数',
  'estimate.label.ttft': '首 token 时延（毫秒）',
  'estimate.label.tpot': '每输出 token 时延（毫秒）',
  'estimate.label.throughput': '输出 token/秒（系统）',
  'estimate.label.throughputPerGpu': '每 GPU 输出 token/秒',
  'estimate.label.plan': '并行布局（DP x TP x PP、ZeRO、重计算、微批）',
  'estimate.label.planCp': '并行布局（DP x TP x PP x CP、ZeRO、重计算、微批）',
  'estimate.label.tokensPerGpu': '每 GPU 训练 token/秒',
  'estimate.label.mfu': 'MFU',
  'estimate.label.days': '天数',
  'estimate.label.gpuHours': 'GPU 小时',
  'estimate.value.yes': '是',
  'estimate.value.no': '否',
  'estimate.mode.inference': '推理',
  'estimate.mode.training': '训练',
  'estimate.error.modelAndArchitecture': '--model 已指定产品目录中的模型；请去掉架构参数（{flags}）或 --model',
  'estimate.error.otherMode': '{flags} 不适用于 {mode} 模式',
  'estimate.bandNote': '括号内为样本外误差区间（见 docs/accuracy.md）。',
  'estimate.extrapolatedNote': '外推估计：校准数据未覆盖该 GPU 系列、精度或推理引擎，因此误差区间已放宽（见 docs/accuracy.md）。',
} as const satisfies Record<MessageKey, string>;

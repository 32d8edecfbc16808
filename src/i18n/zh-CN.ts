/** Simplified Chinese messages: every key of en.ts, checked by the type. */
import type { MessageKey } from './en.ts';

import { reportZhCN } from './report-zh-CN.ts';
import { cliZhCN } from './cli-zh-CN.ts';

export const zhCN = {
  ...cliZhCN,
  ...reportZhCN,
  'app.title': 'GPU 采购报告',
} as const satisfies Record<MessageKey, string>;

/** Simplified Chinese messages: every key of en.ts, checked by the type. */
import type { MessageKey } from './en.ts';

export const zhCN = {
  'app.title': 'GPU 采购报告',
} as const satisfies Record<MessageKey, string>;

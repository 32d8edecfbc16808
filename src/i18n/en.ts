/** English messages: the reference catalogue. Keys are grouped by prefix (area.name). */
import { reportEn } from './report-en.ts';
import { cliEn } from './cli-en.ts';

export const en = {
  ...cliEn,
  ...reportEn,
  'app.title': 'GPU procurement report',
} as const;

export type MessageKey = keyof typeof en;

/** English messages: the reference catalogue. Keys are grouped by prefix (area.name). */
export const en = {
  'app.title': 'GPU procurement report',
} as const;

export type MessageKey = keyof typeof en;

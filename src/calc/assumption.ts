/**
 * A constant an estimate depends on, with where it comes from (the report lists them). Its name
 * is the message `assume.est.<id>` (src/i18n/assumptions-en.ts and its translation).
 */
export interface Assumption {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly url?: string;
}

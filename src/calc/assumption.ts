/** A constant an estimate depends on, with where it comes from (the report lists them). */
export interface Assumption {
  readonly id: string;
  /** English label; the report may translate via the `estimate.assumption.<id>` message key. */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly url?: string;
}

/** Report → JSON: the whole neutral model, with `schemaVersion`, stable key order, trailing newline. */
import type { Report } from '../report/model.ts';

export function renderJson(report: Report): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
}

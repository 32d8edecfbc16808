/**
 * npm run calibrate [-- --write] [-- --fit]
 * Runs the estimators on every expressible row of src/calibration/calibration.csv, prints row
 * errors and per-category median / p90 absolute error; --write also writes docs/accuracy.md;
 * --fit prints suggested efficiency parameters (paste them into src/calc/efficiency-params.ts)
 * and suggested error bands (paste into src/calc/error-bands.ts).
 */
import { writeFileSync } from 'node:fs';
import { EFFICIENCY } from '../src/calc/efficiency-params.ts';
import { fitParams } from '../src/calibration/fit.ts';
import { accuracyMarkdown, resultTable, summaryTable } from '../src/calibration/report.ts';
import { bandFactors, evaluate, loadExpressions, summarise } from '../src/calibration/run.ts';

const args = new Set(process.argv.slice(2));
const { expressed, skipped } = loadExpressions();
const params = args.has('--fit') ? fitParams(expressed, EFFICIENCY) : EFFICIENCY;
const results = evaluate(expressed, params);
const summary = summarise(results);

console.log(resultTable(results));
console.log('');
console.log(summaryTable(summary));
console.log(`\nSkipped ${skipped.length} rows:`);
for (const s of skipped) console.log(`  ${s.id}: ${s.reason}`);

if (args.has('--fit')) {
  console.log('\nSuggested EFFICIENCY (src/calc/efficiency-params.ts):');
  console.log(JSON.stringify(params, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(3)) : v), 2));
}
console.log('\nSuggested ERROR_BANDS (src/calc/error-bands.ts):');
for (const s of summary) {
  const { lowFactor, highFactor } = bandFactors(s);
  console.log(
    `  ${s.kind}: { lowFactor: ${lowFactor.toFixed(2)}, highFactor: ${highFactor.toFixed(2)}, medianAbsError: ${s.medianAbsError.toFixed(3)}, p90AbsError: ${s.p90AbsError.toFixed(3)}, rows: ${s.rows} },`,
  );
}
if (args.has('--write')) {
  const url = new URL('../docs/accuracy.md', import.meta.url);
  writeFileSync(url, accuracyMarkdown(results, summary, skipped));
  console.log(`\nWrote ${url.pathname}`);
}

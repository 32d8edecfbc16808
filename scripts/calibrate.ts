/**
 * npm run calibrate [-- --write] [-- --fit]
 * Runs the estimators on every expressible row of src/calibration/calibration.csv and prints:
 * in-sample errors (rows used for fitting), leave-one-source-out errors (each publication predicted
 * by a fit without it, from the priors) and the held-back rows' errors (never fitted).
 * --fit prints suggested efficiency parameters (fitted on every non-held-back row; paste them into
 * src/calc/efficiency-params.ts); --write writes docs/accuracy.md and src/calc/calibration-coverage.ts
 * (coverage keys, out-of-sample bands and the extrapolation factor the estimators use).
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { EFFICIENCY } from '../src/calc/efficiency-params.ts';
import { extrapolationFactor, outOfSampleBands } from '../src/calibration/bands.ts';
import { heldBackRows, leaveOneSourceOut } from '../src/calibration/cross-validate.ts';
import { fitParams } from '../src/calibration/fit.ts';
import { accuracyMarkdown, coverageModule, resultTable, summaryTable } from '../src/calibration/report.ts';
import { evaluate, loadExpressions, summarise } from '../src/calibration/run.ts';

const args = new Set(process.argv.slice(2));
const { expressed, skipped } = loadExpressions();
const fitting = expressed.filter((e) => !e.heldBack);
const params = args.has('--fit') ? fitParams(fitting, EFFICIENCY) : EFFICIENCY;
const results = evaluate(fitting, params);
const loso = leaveOneSourceOut(expressed);
const held = heldBackRows(expressed, params);

console.log(resultTable(results));
console.log('\nIn sample (rows used for fitting):');
console.log(summaryTable(summarise(results)));
console.log('\nLeave-one-source-out:');
console.log(summaryTable(summarise(loso)));
console.log('\nHeld-back rows (never fitted):');
console.log(resultTable(held));
console.log(summaryTable(summarise(held)));
console.log(`\nSkipped ${skipped.length} rows:`);
for (const s of skipped) console.log(`  ${s.id}: ${s.reason}`);

if (args.has('--fit')) {
  console.log('\nSuggested EFFICIENCY (src/calc/efficiency-params.ts):');
  console.log(JSON.stringify(params, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(3)) : v), 2));
}
const bands = outOfSampleBands(loso);
const factor = extrapolationFactor(loso);
console.log('\nOut-of-sample ERROR_BANDS:', JSON.stringify(bands), `extrapolation factor ${factor}`);
if (args.has('--write')) {
  const keys = [...new Set(fitting.flatMap((e) => e.coverage))].sort();
  // Written in the repository's Prettier style, so `prettier --check` holds after a rerun.
  const pretty = async (url: URL, text: string) =>
    writeFileSync(url, await format(text, { ...(await resolveConfig(url.pathname)), filepath: url.pathname }));
  await pretty(new URL('../src/calc/calibration-coverage.ts', import.meta.url), coverageModule(keys, bands, factor));
  const url = new URL('../docs/accuracy.md', import.meta.url);
  await pretty(url, accuracyMarkdown({ results, loso, held, skipped, factor }));
  console.log(`\nWrote ${url.pathname} and src/calc/calibration-coverage.ts`);
}

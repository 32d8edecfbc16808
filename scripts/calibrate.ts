/**
 * npm run calibrate [-- --write] [-- --fit] [-- --kinds training,memory]
 * Runs the estimators on every expressible row of src/calibration/calibration.csv and prints:
 * in-sample errors (rows used for fitting), leave-one-source-out errors (each publication predicted
 * by a fit without it, from the priors) and the held-back rows' errors (never fitted).
 * --fit prints suggested efficiency parameters (fitted on every non-held-back row; paste them into
 * src/calc/efficiency-params.ts); --write writes docs/accuracy.md and src/calc/calibration-coverage.ts
 * (coverage keys, out-of-sample bands and the extrapolation factor the estimators use).
 * --kinds limits the run to some estimate kinds (training = trainingThroughput, inference =
 * inferenceThroughput, latency, memory): each parameter is fitted only on the kinds it affects, so a
 * training-only run is the same search for the training parameters in seconds instead of the serving
 * folds' hour. With --write it replaces only those kinds' lines, bands and coverage keys and carries
 * the other kinds' lines (from the previous docs/accuracy.md row table), bands, keys and the
 * extrapolation factors unchanged, saying so in docs/accuracy.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { COVERED_KEYS, EXTRAPOLATION_FACTORS, OUT_OF_SAMPLE_BANDS } from '../src/calc/calibration-coverage.ts';
import { EFFICIENCY } from '../src/calc/efficiency-params.ts';
import { ESTIMATE_KINDS, type EstimateKind } from '../src/calc/error-bands.ts';
import { extrapolationFactors, outOfSampleBands, type ExtrapolationFactors } from '../src/calibration/bands.ts';
import { heldBackRows, leaveOneSourceOut, type OutOfSampleRow } from '../src/calibration/cross-validate.ts';
import type { Expressed } from '../src/calibration/express.ts';
import { fitParams } from '../src/calibration/fit.ts';
import { accuracyMarkdown, coverageModule, parseRowTable, resultTable, summaryTable } from '../src/calibration/report.ts';
import { evaluate, loadExpressions, summarise, type RowResult } from '../src/calibration/run.ts';

const argv = process.argv.slice(2);
const args = new Set(argv);
const KIND_NAMES: Readonly<Record<string, EstimateKind>> = {
  training: 'trainingThroughput',
  inference: 'inferenceThroughput',
  latency: 'latency',
  memory: 'memory',
};
const kindsArg = argv[argv.indexOf('--kinds') + 1];
const kinds: readonly EstimateKind[] = args.has('--kinds')
  ? (kindsArg ?? '').split(',').map((k) => {
      const kind = KIND_NAMES[k.trim()] ?? ESTIMATE_KINDS.find((x) => x === k.trim());
      if (!kind) throw new Error(`--kinds: unknown kind "${k}" (training, inference, latency, memory)`);
      return kind;
    })
  : ESTIMATE_KINDS;
const partial = kinds.length < ESTIMATE_KINDS.length;

const loaded = loadExpressions();
const expressed = loaded.expressed.filter((e) => kinds.includes(e.kind));
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
console.log(`\nSkipped ${loaded.skipped.length} rows:`);
for (const s of loaded.skipped) console.log(`  ${s.id}: ${s.reason}`);

if (args.has('--fit')) {
  console.log('\nSuggested EFFICIENCY (src/calc/efficiency-params.ts):');
  console.log(JSON.stringify(params, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(3)) : v), 2));
}
const fresh = outOfSampleBands(loso);
const bands = partial ? { ...OUT_OF_SAMPLE_BANDS, ...Object.fromEntries(kinds.map((k) => [k, fresh[k]])) } : fresh;
/** A partial run carries the factors (they compare every kind's rows); its row counts come from the carried lines. */
const factors: ExtrapolationFactors = extrapolationFactors(loso);
const factorByKind = partial ? { ...EXTRAPOLATION_FACTORS } : factors.byKind;
console.log(
  '\nOut-of-sample ERROR_BANDS:',
  JSON.stringify(bands),
  `extrapolation factors ${JSON.stringify(factorByKind)}${partial ? ' (carried)' : ` (pooled ${factors.pooled})`}`,
);

/** Coverage keys' phase: training throughput keys start "training:", the serving kinds' "serving:"; memory has none. */
const phaseOf = (k: EstimateKind): string | undefined =>
  k === 'trainingThroughput' ? 'training:' : k === 'memory' ? undefined : 'serving:';

/** The lines of the kinds not rerun, rebuilt from the previous docs/accuracy.md row table. */
function carried(markdown: string, others: readonly Expressed[]) {
  const previous = parseRowTable(markdown);
  const row = (e: Expressed, error: number): RowResult => {
    const measured = previous.get(e.id)!.measured;
    return { id: e.id, kind: e.kind, metric: e.metric, unit: e.unit, measured, estimated: measured * (1 + error), error };
  };
  const out = { results: [] as RowResult[], loso: [] as OutOfSampleRow[], held: [] as OutOfSampleRow[], missing: [] as string[] };
  for (const e of others) {
    const p = previous.get(e.id);
    if (!p) {
      out.missing.push(e.id);
      continue;
    }
    if (p.inSample !== undefined) out.results.push(row(e, p.inSample));
    if (p.loso !== undefined) out.loso.push({ ...row(e, p.loso), source: e.source, covered: p.covered ?? false });
    if (p.heldBack !== undefined) out.held.push({ ...row(e, p.heldBack), source: e.source, covered: p.covered ?? false });
  }
  return out;
}

/** The factors a partial run writes: the carried per-kind values, the row counts and pooled ratio of the merged lines. */
function carriedFactors(merged: readonly OutOfSampleRow[]): ExtrapolationFactors {
  const f = extrapolationFactors(merged);
  return { ...f, byKind: factorByKind };
}

if (args.has('--write')) {
  const phases = new Set(kinds.map(phaseOf));
  const freshKeys = fitting.flatMap((e) => e.coverage);
  const keptKeys = partial ? COVERED_KEYS.filter((k) => ![...phases].some((ph) => ph && k.startsWith(ph))) : [];
  const keys = [...new Set([...keptKeys, ...freshKeys])].sort();
  // Written in the repository's Prettier style, so `prettier --check` holds after a rerun.
  const pretty = async (url: URL, text: string) =>
    writeFileSync(url, await format(text, { ...(await resolveConfig(url.pathname)), filepath: url.pathname }));
  await pretty(new URL('../src/calc/calibration-coverage.ts', import.meta.url), coverageModule(keys, bands, factorByKind));
  const url = new URL('../docs/accuracy.md', import.meta.url);
  const byKind = <T extends RowResult>(rows: readonly T[]) =>
    [...rows].sort((a, b) => ESTIMATE_KINDS.indexOf(a.kind) - ESTIMATE_KINDS.indexOf(b.kind));
  if (partial) {
    const old = carried(
      readFileSync(url, 'utf8'),
      loaded.expressed.filter((e) => !kinds.includes(e.kind)),
    );
    const names = kinds.join(', ');
    const missing = old.missing.length
      ? ` Rows of those kinds added after that run (${old.missing.join(', ')}) are not in these lines until the next full run.`
      : '';
    const partialNote = `Partial refresh: the ${names} lines, bands and coverage keys come from \`npm run calibrate -- --kinds ${kindsArg} --fit --write\` (each parameter is fitted only on the kinds it affects, so this is the same search the full run makes for them); the other kinds' lines are carried from the previous full run's row table, and so are their bands and the extrapolation factors (${JSON.stringify(factorByKind)}).${missing} \`npm run calibrate -- --fit --write\` refreshes everything.`;
    await pretty(
      url,
      accuracyMarkdown({
        results: byKind([...results, ...old.results]),
        loso: byKind([...loso, ...old.loso]),
        held: byKind([...held, ...old.held]),
        skipped: loaded.skipped,
        factors: carriedFactors(byKind([...loso, ...old.loso])),
        partialNote,
      }),
    );
  } else {
    await pretty(url, accuracyMarkdown({ results, loso, held, skipped: loaded.skipped, factors }));
  }
  console.log(`\nWrote ${url.pathname} and src/calc/calibration-coverage.ts`);
}

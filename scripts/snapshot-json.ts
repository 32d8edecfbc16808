/**
 * `npm run snapshot -- <dir>`: the JSON report of every example scenario (English and Chinese)
 * and of the 200 benchmark scenarios, written to <dir> with a pinned date. Two snapshots, one
 * taken before a change and one after, are compared with `npm run snapshot:compare -- <a> <b>`:
 * a refactoring that must not move a reported number shows no differences.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadReport } from '../src/pipeline.ts';
import { renderJson } from '../src/render/json.ts';
import { discoverScenarios } from '../src/scenario/discover.ts';
import { writeScenarios } from '../bench/scenarios.ts';
import type { Locale } from '../src/i18n/index.ts';

const outDir = process.argv[2];
if (!outDir) {
  process.stderr.write('usage: npm run snapshot -- <output folder>\n');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const now = new Date(Date.UTC(2026, 0, 1));
const benchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpu-report-snapshot-'));
writeScenarios(benchDir, 200);

const jobs: { file: string; name: string; lang?: Locale }[] = [];
for (const file of await discoverScenarios(['scenarios'])) {
  const stem = path.basename(file).replace(/\.ya?ml$/, '');
  jobs.push({ file, name: `example-${stem}-en`, lang: 'en' }, { file, name: `example-${stem}-zh-CN`, lang: 'zh-CN' });
}
for (const file of await discoverScenarios([benchDir])) jobs.push({ file, name: `bench-${path.basename(file).replace(/\.ya?ml$/, '')}` });

let failed = 0;
for (const job of jobs) {
  const loaded = await loadReport(job.file, { lang: job.lang, now });
  if (!loaded.ok) {
    failed++;
    process.stderr.write(`${job.file}: invalid\n`);
    continue;
  }
  // The scenario's path and hash depend on where it was written, not on the calculation.
  const report = { ...loaded.report, scenario: { ...loaded.report.scenario, file: path.basename(job.file) } };
  fs.writeFileSync(path.join(outDir, `${job.name}.json`), renderJson(report));
}
fs.rmSync(benchDir, { recursive: true, force: true });
process.stdout.write(`${jobs.length - failed} reports written to ${outDir}${failed ? `, ${failed} invalid` : ''}\n`);
process.exit(failed ? 1 : 0);

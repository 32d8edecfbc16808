import fs from 'node:fs';
import { parseScenario } from './src/scenario/parse.ts';
import { resolveScenario } from './src/scenario/resolve.ts';
import { calculateResults } from './src/plan/results.ts';
for (const f of process.argv.slice(2)) {
  const p = parseScenario(fs.readFileSync(f, 'utf8'), f);
  if (!p.ok) { console.log(f, 'invalid', JSON.stringify(p.diagnostics).slice(0, 300)); continue; }
  const r = calculateResults(resolveScenario(p.scenario));
  console.log('==', f);
  for (const o of r.options) console.log(o.acquisition.padEnd(6), o.candidate.candidate.gpu.id.padEnd(16), o.gpus, Math.round(o.total.base), Math.round(o.budgetBasis.base), o.withinBudget, o.feasible, o.term ? `${o.term.term} ${o.term.from} ${o.term.discount.toFixed(3)}` : '');
}

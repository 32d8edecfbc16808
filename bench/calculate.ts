/**
 * The calculation on its own: the same scenarios resolved and calculated one after another on
 * this thread (the compiled dist/, as the CLI runs it), once to warm up and once timed. `calculateResults` computes every number the
 * report shows (the analyses only lay them out), so this is the whole calculation. Inside the batch the calculate stage is wall time
 * with Chromium's processes competing for the two cores, which inflates it; this is what the
 * calculators themselves cost.
 */
import fs from 'node:fs';
import { discoverScenarios } from '../src/scenario/discover.ts';

// The compiled calculation, as the CLI runs it (npm run bench builds dist/ first): under tsx every
// function would also be renamed at run time, which costs the calculation about a millisecond.
const dist = (m: string) => new URL(`../dist/${m}.js`, import.meta.url).href;
const { parseScenario } = (await import(dist('scenario/parse'))) as typeof import('../src/scenario/parse.ts');
const { resolveScenario } = (await import(dist('scenario/resolve'))) as typeof import('../src/scenario/resolve.ts');
const { calculateResults } = (await import(dist('plan/results'))) as typeof import('../src/plan/results.ts');

export interface CalculationTiming {
  meanMs: number;
  p90Ms: number;
  /**
   * CPU time of the process over the timed pass, per scenario: on a shared, loaded machine the
   * wall times above include waiting for a core; this does not (it does include the collector's threads).
   */
  cpuMeanMs: number;
  count: number;
}

export async function timeCalculation(dir: string): Promise<CalculationTiming> {
  const scenarios = (await discoverScenarios([dir])).flatMap((f) => {
    const parsed = parseScenario(fs.readFileSync(f, 'utf8'), f);
    return parsed.ok ? [parsed.scenario] : [];
  });
  for (const s of scenarios) calculateResults(resolveScenario(s));
  const cpuStart = process.cpuUsage();
  const times = scenarios
    .map((s) => {
      const start = performance.now();
      calculateResults(resolveScenario(s));
      return performance.now() - start;
    })
    .sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpuStart);
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  return {
    meanMs: Math.round(mean * 10) / 10,
    p90Ms: Math.round((times[Math.floor(times.length * 0.9)] ?? 0) * 10) / 10,
    cpuMeanMs: Math.round((cpu.user + cpu.system) / 100 / Math.max(1, times.length)) / 10,
    count: times.length,
  };
}

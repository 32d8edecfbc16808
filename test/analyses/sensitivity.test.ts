/** The sensitivity table's estimator row moves the cost per token, and says so. */
import { describe, expect, it } from 'vitest';
import { analysis, build, buildFile, table } from './helpers.ts';
import { headlineOption } from '../../src/plan/results.ts';

describe('sensitivity: the throughput estimator row', () => {
  it.each(['en', 'zh-CN'] as const)('is labelled as the cost-per-token range it shows (%s)', (locale) => {
    const rows = table(analysis(build('chat-targets', locale).report, 'sensitivity'), 'sensitivity').rows;
    const row = rows.find((r) => /Cost per 1M tokens|每百万 token 成本/.test(String(r.assumption)));
    expect(row, JSON.stringify(rows.map((r) => r.assumption))).toBeDefined();
    expect(String(row!.assumption)).not.toMatch(/^Throughput|^吞吐量/);
    // What it moves is the cost per token, not the total over the horizon.
    expect(row!.totalLow).toBe(row!.totalHigh);
    expect(row!.cpmLow).not.toBe(row!.cpmHigh);
  });
});

describe('sensitivity: of the configuration the report recommends', () => {
  // The purchase-request example misses its budget everywhere; the cheapest fix buys MI300X servers,
  // while the best-ranked option on cash is renting: the sensitivity must be the recommendation's.
  it.each(['en', 'zh-CN'] as const)('when the recommendation is the cheapest fix, not the best-ranked option (%s)', (locale) => {
    const { results, report } = buildFile('scenarios/purchase-request-70b-chat.yaml', locale);
    const { option, remedy } = headlineOption(results);
    expect(remedy).toBeDefined();
    expect(option).not.toBe(results.options[0]);
    const sens = results.sensitivity!;
    expect(sens.option).toBe(option);
    // "The runner-up becomes cheaper when …" needs a runner-up that costs at least as much at base.
    expect(sens.runnerUp).not.toBeNull();
    expect(sens.runnerUp!.total.base).toBeGreaterThanOrEqual(option!.total.base);
    const intro = analysis(report, 'sensitivity').intro!;
    expect(intro).toContain(locale === 'en' ? 'buy)' : '购买）');
    expect(report.headline!.configuration).toContain(locale === 'en' ? '(buy)' : '（购买）');
  });
});

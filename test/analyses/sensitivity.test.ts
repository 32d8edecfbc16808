/** The sensitivity table's estimator row moves the cost per token, and says so. */
import { describe, expect, it } from 'vitest';
import { analysis, build, table } from './helpers.ts';

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

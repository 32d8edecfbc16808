/**
 * Chinese text uses full-width punctuation (CONTRIBUTING.md, "Chinese punctuation"): no half-width
 * `;` `:` `,` directly beside a Chinese character, no half-width parentheses around Chinese
 * text, and no half-width space before full-width punctuation. Latin names, numbers, units and
 * code keep ASCII inside ("Llama 3.1 70B (fp8)", "budgetBasis: cash"). Checked over the catalogue and over every string of the Chinese report of
 * every example scenario (what the JSON, HTML and PDF show), so a composer that joins with "; " is
 * caught as well as a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { renderHtml } from '../../src/render/html.ts';
import { buildFile } from '../analyses/helpers.ts';

const HAN = '\\p{Script=Han}';
// A half-width space before full-width punctuation is wrong too: "overlap （项目假设）".
// Full-width brackets count as Chinese text around them: "（基准）: 834" is as wrong as "基准: 834".
const HALF_WIDTH = new RegExp(` [（），；：。、]|[${HAN}（）] *[;:,]|[;:,] *${HAN}|\\([^()]*${HAN}[^()]*\\)`, 'u');
const offending = (text: string) => new RegExp(`.{0,20}(?:${HALF_WIDTH.source}).{0,20}`, 'u').exec(text)?.[0];

describe('Chinese punctuation', () => {
  it('the rule catches what it should and lets Latin text be', () => {
    expect(HALF_WIDTH.test('超出预算; 改用')).toBe(true);
    expect(HALF_WIDTH.test('首 token 延迟 70%, 每 token')).toBe(true);
    expect(HALF_WIDTH.test('租用 = GPU 数 × (1 − 预留折扣)')).toBe(true);
    expect(HALF_WIDTH.test('qlora-微调: 4')).toBe(true);
    expect(HALF_WIDTH.test('NCCL bus bandwidth vs link peak （项目假设）')).toBe(true);
    expect(HALF_WIDTH.test('chat (Llama 3.1 70B)：fp8，每个请求')).toBe(false);
    expect(HALF_WIDTH.test('（budgetBasis: cash）')).toBe(false);
    expect(HALF_WIDTH.test('资本支出（基准）: 834,392')).toBe(true);
  });

  it('the catalogue', () => {
    const bad = Object.entries(zhCN).flatMap(([key, text]) => (HALF_WIDTH.test(text) ? [`${key}: ${offending(text)}`] : []));
    expect(bad).toEqual([]);
  });

  const examples = fs.readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
  it.each(examples)(
    'the Chinese report of %s',
    (name) => {
      const file = path.join('scenarios', name);
      const { report } = buildFile(file, 'zh-CN');
      const bad = new Set<string>();
      const walk = (x: unknown): void => {
        if (typeof x === 'string') {
          if (HALF_WIDTH.test(x)) bad.add(offending(x)!);
        } else if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') Object.values(x).forEach(walk);
      };
      // The scenario's own text (its name and description) is the author's, not ours.
      walk({ ...report, scenario: undefined });
      // What the templates add around those strings (labels and figures, units in brackets), as
      // the HTML and PDF show it: the body's text, less the scenario's own name and description.
      const own = [report.scenario.name, report.scenario.description].filter(Boolean);
      const html = renderHtml(report)
        .replace(/^[\s\S]*<body[^>]*>/, '')
        .replace(/<[^>]+>/g, '\n')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      for (const line of html.split('\n').map((l) => l.trim()))
        if (line && !own.includes(line) && HALF_WIDTH.test(line)) bad.add(offending(line)!);
      expect([...bad]).toEqual([]);
    },
    60_000,
  );
});

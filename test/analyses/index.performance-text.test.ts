import { describe, expect, it } from 'vitest';
import { en as enCatalogue } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { performanceEn } from '../../src/i18n/performance-en.ts';
import { performanceZhCN } from '../../src/i18n/performance-zh-CN.ts';
import type { Analysis } from '../../src/report/model.ts';
import { analysis, build, FIXTURES } from './helpers.ts';

const MINE = ['inference-capacity', 'training-plan', 'multi-gpu', 'selection-guide'] as const;
const TITLE_KEYS = {
  'inference-capacity': 'inferenceCapacity.title',
  'training-plan': 'trainingPlan.title',
  'multi-gpu': 'multiGpu.title',
  'selection-guide': 'selectionGuide.title',
} as const;

/** Every piece of text an analysis shows. */
function texts(a: Analysis): string[] {
  return [
    a.title,
    a.intro,
    ...a.blocks.flatMap((b) => {
      switch (b.kind) {
        case 'note':
          return [b.text];
        case 'table':
          return [
            b.title ?? '',
            ...b.columns.flatMap((c) => [c.label, c.unit ?? '']),
            ...b.rows.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string')),
          ];
        case 'chart':
          return [b.title, b.xLabel ?? '', b.yLabel ?? '', ...b.series.map((s) => s.name)];
        case 'keyValue':
          return b.items.map((i) => i.label);
      }
    }),
  ];
}

/** Literal runs (≥ 12 characters) of the English catalogue strings that Chinese replaces. */
const englishFragments = Object.entries(enCatalogue)
  .filter(([k, v]) => zhCN[k as keyof typeof zhCN] !== v)
  .flatMap(([k, v]) =>
    v
      .split(/\{\w+\}/)
      .map((f) => f.trim())
      .filter((f) => f.length >= 12 && /[a-z]{3}/.test(f))
      .map((f) => ({ k, f })),
  );

describe('performance analyses in the report', () => {
  it('come after memory, in order, with selection-guide before assumptions', () => {
    for (const fixture of FIXTURES) {
      const ids = build(fixture).report.analyses.map((a) => a.id);
      const at = (id: string) => ids.indexOf(id);
      for (const id of MINE) expect(at(id), `${fixture}: ${id}`).toBeGreaterThan(-1);
      expect(at('memory')).toBeLessThan(at('inference-capacity'));
      expect(at('inference-capacity')).toBeLessThan(at('training-plan'));
      expect(at('training-plan')).toBeLessThan(at('multi-gpu'));
      expect(at('multi-gpu')).toBeLessThan(at('selection-guide'));
      expect(at('selection-guide')).toBeLessThan(at('assumptions'));
    }
  });

  it('say so when a scenario has no workload of their kind', () => {
    expect(analysis(build('deadline-missed').report, 'inference-capacity').blocks[0]).toMatchObject({
      kind: 'note',
      text: performanceEn['inferenceCapacity.none'],
    });
    expect(analysis(build('chat-targets').report, 'training-plan').blocks[0]).toMatchObject({
      kind: 'note',
      text: performanceEn['trainingPlan.none'],
    });
  });

  it('every Chinese string differs from its English one except names, units and abbreviations', () => {
    const same = Object.keys(performanceEn).filter(
      (k) => performanceEn[k as keyof typeof performanceEn] === performanceZhCN[k as keyof typeof performanceZhCN],
    );
    expect(same.sort()).toEqual(['trainingPlan.col.mfu', 'trainingPlan.method.lora', 'trainingPlan.method.qlora']);
  });

  it('zh-CN: titles and intros from the Chinese catalogue, and no English catalogue text leaks', () => {
    expect(englishFragments.length).toBeGreaterThan(100);
    for (const fixture of FIXTURES) {
      const report = build(fixture, 'zh-CN').report;
      for (const id of MINE) {
        const a = analysis(report, id);
        expect(a.title).toBe(performanceZhCN[TITLE_KEYS[id]]);
        expect(a.intro).toMatch(/[\u4e00-\u9fff]/);
        expect(Object.values(performanceZhCN)).toContain(a.title);
        const all = texts(a).join('\n');
        const leaks = englishFragments.filter(({ f }) => all.includes(f));
        expect(leaks, `${fixture}/${id}`).toEqual([]);
      }
    }
  });
});

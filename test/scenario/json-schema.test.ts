import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderScenarioJsonSchema } from '../../src/scenario/json-schema.ts';

describe('schema/scenario.schema.json', () => {
  it('is current with the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync('schema/scenario.schema.json', 'utf8')).toBe(renderScenarioJsonSchema());
  });

  it('documents every property with a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, child] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          const described =
            typeof child.description === 'string' ||
            (Array.isArray(child.anyOf) && child.anyOf.every((c: { description?: string }) => c.description));
          if (!described) missing.push(`${path}.${key}`);
          walk(child, `${path}.${key}`);
        }
      }
      for (const k of ['items', 'anyOf', 'oneOf']) {
        const v = n[k];
        if (Array.isArray(v)) v.forEach((c, i) => walk(c, `${path}.${k}[${i}]`));
        else if (v) walk(v, `${path}.${k}`);
      }
    };
    walk(JSON.parse(renderScenarioJsonSchema()), '$');
    expect(missing).toEqual([]);
  });
});

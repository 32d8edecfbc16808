import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderScenarioJsonSchema } from '../../src/scenario/json-schema.ts';

describe('docs/scenario.md', () => {
  const doc = readFileSync('docs/scenario.md', 'utf8');

  it('documents every field of the schema', () => {
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties)
        for (const [k, v] of Object.entries(n.properties as object)) {
          names.add(k);
          walk(v);
        }
      for (const key of ['items', 'anyOf', 'oneOf']) {
        const v = n[key];
        if (Array.isArray(v)) v.forEach(walk);
        else if (v) walk(v);
      }
    };
    walk(JSON.parse(renderScenarioJsonSchema()));
    const missing = [...names].filter((name) => !doc.includes(`\`${name}\``) && !doc.includes(`.${name}\``));
    expect(missing).toEqual([]);
  });

  it('embeds the example that init writes, verbatim', () => {
    expect(doc).toContain(readFileSync('templates/example-scenario.yaml', 'utf8'));
  });
});

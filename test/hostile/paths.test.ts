/**
 * Output names cannot escape the output folder: file names with encoded or literal path
 * parts, a `name:` field full of "../", same stems in different folders, and a scenario
 * called index.yaml (which must not overwrite the batch index).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { listFiles, quietBatch, readJson, removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';
import type { Report } from '../../src/report/model.ts';

afterAll(removeTempDirs);

let dir: string;
let result: Awaited<ReturnType<typeof quietBatch>>;

beforeAll(async () => {
  dir = tempDir('paths');
  const input = path.join(dir, 'work', 'in');
  write(path.join(input, '..%2F..%2Fx.yaml'), scenarioYaml({ name: 'encoded' }));
  write(path.join(input, '....yaml'), scenarioYaml({ name: 'dots' }));
  write(path.join(input, 'named.yaml'), scenarioYaml({ name: '../../../../tmp/escaped' }));
  write(path.join(input, 'team-a', 'q1.yaml'), scenarioYaml({ name: 'team a' }));
  write(path.join(input, 'team-b', 'q1.yaml'), scenarioYaml({ name: 'team b' }));
  write(path.join(input, 'deep', 'er', 'q1.yml'), scenarioYaml({ name: 'deeper' }));
  write(path.join(input, 'index.yaml'), scenarioYaml({ name: 'called index' }));
  result = await quietBatch([input], { outDir: path.join(dir, 'work', 'out'), formats: ['json', 'html'] });
});

describe('output paths', () => {
  it('writes every output inside the output folder, and nothing anywhere else', () => {
    expect(result.exitCode).toBe(0);
    const everything = listFiles(dir);
    const outside = everything.filter((f) => !f.startsWith('work/out/') && !f.startsWith('work/in/'));
    expect(outside).toEqual([]);
    for (const f of everything.filter((name) => name.startsWith('work/out/'))) expect(f.split('/')).toHaveLength(3);
  });

  it('gives distinct names to the same stem in different folders, and never uses the name field', () => {
    const names = result.names;
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['team-a-q1', 'team-b-q1', 'deep-er-q1', 'named']));
    for (const n of names) {
      expect(n).not.toMatch(/[/\\]/);
      expect(n.startsWith('.')).toBe(false);
      expect(n).not.toContain('escaped');
    }
  });

  it('keeps a scenario called index.yaml apart from the batch index', () => {
    expect(result.names).toContain('index-2');
    const index = readJson(path.join(dir, 'work', 'out', 'index.json')) as Report;
    expect(index.kind).toBe('index');
    expect(index.batch!.scenarios.find((r) => r.name === 'called index')!.reports.json).toBe('index-2.json');
  });
});

/** `validate`, `catalog gpus|models --json` and `init`. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import {
  EXAMPLE_SCENARIO,
  EXIT,
  describeRun,
  listFiles,
  makeTempDir,
  removeTempDirs,
  runCli,
  writeFile,
  type CliResult,
} from './helpers.ts';

interface Gpu {
  id: string;
  name: string;
  memoryGB: number;
}
interface Model {
  id: string;
  name: string;
  paramsB: number;
  layers: number;
  hiddenSize: number;
  kvHeads: number;
  experts?: number;
  activeExperts?: number;
}

let dir = '';
let project = '';
let existing = '';
let gpus: CliResult;
let models: CliResult;
let init: CliResult;
let validate: CliResult;
let initAgain: CliResult;
const EXISTING_TEXT = '# my own scenario: init must never replace it\nversion: 1\n';
let existingMtime = 0;

// All CLI runs start together (each start costs seconds). "A second init" is an init into a
// folder that already has a scenario.yaml with other contents, so a rewrite would show.
beforeAll(async () => {
  dir = makeTempDir('commands');
  project = path.join(dir, 'new project', 'nested');
  existing = path.join(dir, 'existing');
  writeFile(path.join(existing, 'scenario.yaml'), EXISTING_TEXT);
  existingMtime = fs.statSync(path.join(existing, 'scenario.yaml')).mtimeMs;
  [gpus, models, init, initAgain, validate] = await Promise.all([
    runCli(['catalog', 'gpus', '--json'], { cwd: dir }),
    runCli(['catalog', 'models', '--json'], { cwd: dir }),
    runCli(['init', project], { cwd: dir }),
    runCli(['init', existing], { cwd: dir }),
    runCli(['validate', EXAMPLE_SCENARIO], { cwd: dir }),
  ]);
});
afterAll(removeTempDirs);

describe('validate', () => {
  it('accepts the example: exit 0, nothing on stdout', () => {
    expect(validate.code, describeRun(validate)).toBe(EXIT.success);
    expect(validate.stdout).toBe('');
    expect(validate.stderr).not.toMatch(/:\d+:\d+: /);
  });
});

describe('catalog --json', () => {
  it('lists the 28 GPUs, ids unique, including H100 SXM5, MI300X and Gaudi 3', () => {
    expect(gpus.code, describeRun(gpus)).toBe(EXIT.success);
    const list = JSON.parse(gpus.stdout) as Gpu[];
    expect(list).toHaveLength(28);
    const ids = list.map((g) => g.id);
    expect(new Set(ids).size).toBe(28);
    expect(ids).toEqual(expect.arrayContaining(['h100-sxm5-80gb', 'amd-mi300x', 'intel-gaudi3']));
    // Datasheet memory sizes, checked by hand: H100 SXM5 80 GB, MI300X 192 GB, Gaudi 3 128 GB.
    const mem = (id: string) => list.find((g) => g.id === id)?.memoryGB;
    expect([mem('h100-sxm5-80gb'), mem('amd-mi300x'), mem('intel-gaudi3')]).toEqual([80, 192, 128]);
    expect(gpus.stderr).toBe('');
  });

  it('lists the model presets, Mixtral as 8 experts with 2 active', () => {
    expect(models.code, describeRun(models)).toBe(EXIT.success);
    const list = JSON.parse(models.stdout) as Model[];
    const ids = list.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'llama-2-7b',
        'llama-2-13b',
        'llama-2-70b',
        'llama-3.1-8b',
        'llama-3.1-70b',
        'llama-3.1-405b',
        'mistral-7b',
        'mixtral-8x7b',
        'qwen2.5-7b',
        'qwen2.5-72b',
        'gpt-3-175b',
      ]),
    );
    expect(list.find((m) => m.id === 'mixtral-8x7b')).toMatchObject({ experts: 8, activeExperts: 2 });
    // Llama 3.1 70B config.json, checked by hand: 80 layers, hidden 8192, 8 KV heads.
    expect(list.find((m) => m.id === 'llama-3.1-70b')).toMatchObject({ layers: 80, hiddenSize: 8192, kvHeads: 8 });
  });
});

describe('init', () => {
  it('writes DIR/scenario.yaml (creating DIR), nothing else, and it validates', () => {
    expect(init.code, describeRun(init)).toBe(EXIT.success);
    expect(listFiles(project)).toEqual(['scenario.yaml']);
    const file = path.join(project, 'scenario.yaml');
    // The same check `validate` runs (src/scenario/parse.ts), in process to save a CLI start.
    const parsed = parseScenario(fs.readFileSync(file, 'utf8'), file);
    expect(parsed.ok ? [] : parsed.diagnostics).toEqual([]);
  });

  it('refuses to overwrite an existing scenario.yaml: exit 2, file unchanged', () => {
    expect(initAgain.code, describeRun(initAgain)).toBe(EXIT.invalidInput);
    expect(initAgain.stderr).toContain(path.join(existing, 'scenario.yaml'));
    expect(initAgain.stderr).not.toMatch(/^\s+at /m);
    const target = path.join(existing, 'scenario.yaml');
    expect(fs.readFileSync(target, 'utf8')).toBe(EXISTING_TEXT);
    expect(fs.statSync(target).mtimeMs).toBe(existingMtime);
    expect(listFiles(existing)).toEqual(['scenario.yaml']);
  });
});

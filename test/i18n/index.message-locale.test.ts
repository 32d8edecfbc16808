/** Command-line messages follow --lang, else the environment's locale; English otherwise. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messageLocaleFrom } from '../../src/i18n/index.ts';
import { fixture, makeTempDir, removeTempDirs, runCli } from '../e2e/helpers.ts';

afterAll(removeTempDirs);

describe('messageLocaleFrom', () => {
  it.each([
    [['run', 'a.yaml', '--lang', 'zh-CN'], {}, 'zh-CN'],
    [['run', 'a.yaml', '--lang=zh-CN'], { LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [['run', 'a.yaml', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }, 'en'],
    [['validate', 'a.yaml'], { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [['validate', 'a.yaml'], { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [['validate', 'a.yaml'], { LANG: 'C.UTF-8' }, 'en'],
    [['validate', 'a.yaml'], {}, 'en'],
    [['run', 'a.yaml', '--lang', 'xx'], { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
  ] as const)('%j with %j → %s', (argv, env, expected) => {
    expect(messageLocaleFrom(argv, env)).toBe(expected);
  });
});

describe('the CLI speaks the chosen language', () => {
  const dir = makeTempDir('message-locale');
  const bad = path.join(dir, 'bad.yaml');
  fs.writeFileSync(bad, `${fs.readFileSync(fixture('good', 'minimal.yaml'), 'utf8')}economics:\n  horizonMonths: 100000000\n`);

  it('LANG=zh_CN: diagnostics and the summary line in Chinese, with the range', async () => {
    const r = await runCli(['validate', bad], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain('economics.horizonMonths: 必须介于 1 与 240 之间（实际为 100000000）');
    expect(r.stderr + r.stdout).toMatch(/1 个场景：0 个有效，1 个无效/);
  });

  it('LANG=C: English', async () => {
    const r = await runCli(['validate', bad], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(r.stderr + r.stdout).toContain('economics.horizonMonths: must be between 1 and 240 (got 100000000)');
  });
});

/**
 * yargs' own words (usage errors, "Unknown argument", the help's headings) follow the same
 * language choice as our messages: --lang, else LC_ALL / LC_MESSAGES / LANG.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './e2e/helpers.ts';

describe('yargs speaks the language of the CLI messages', () => {
  it('LANG=zh_CN.UTF-8, an unknown flag: Chinese, exit 2', async () => {
    const r = await runCli(['validate', 'scenarios/gpu-comparison.yaml', '--bogus'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法识别的选项：bogus');
    expect(r.stderr).not.toContain('Unknown argument');
  });

  it('LANG=C.UTF-8 with --lang zh-CN: Chinese, like our own messages', async () => {
    const r = await runCli(['run', 'scenarios/gpu-comparison.yaml', '--lang', 'zh-CN', '--bogus'], {
      env: { LANG: 'C.UTF-8', LC_ALL: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法识别的选项：bogus');
  });

  it('LANG=zh_CN.UTF-8 with --lang en: English', async () => {
    const r = await runCli(['run', 'scenarios/gpu-comparison.yaml', '--lang', 'en', '--bogus'], {
      env: { LANG: 'zh_CN.UTF-8', LC_ALL: '' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: bogus');
  });

  it('--help under --lang zh-CN: Chinese section headings', async () => {
    const r = await runCli(['--help', '--lang', 'zh-CN'], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(r.stdout).toContain('命令：');
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).not.toContain('Commands:');
  });

  it.each([
    [['validate', 'scenarios/gpu-comparison.yaml'], '有效'],
    [['catalog', 'models'], '名称'],
    [['estimate', '--model', 'llama-3.1-8b', '--gpu', 'h100-sxm5-80gb'], '模式'],
  ])('every command takes --lang for its messages: %j', async (args, chinese) => {
    const r = await runCli([...args, '--lang', 'zh-CN'], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain(chinese);
  });
});

/**
 * The help (`--help`, top level and every command) is written in the language of the CLI's
 * messages: under --lang zh-CN no English word is left beside yargs' Chinese headings, and under
 * --lang en the English texts of the catalogue are there. The texts come from the catalogue
 * (`cli.help.*`, src/i18n/help-en.ts and help-zh-CN.ts), read through the same `t` as every
 * other message, after the language is chosen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, describeRun, type CliResult } from './e2e/helpers.ts';
import { en } from '../src/i18n/en.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';
import { FORMATS } from '../src/render/index.ts';
import { GPU_IDS, MODEL_IDS } from '../src/catalog/index.ts';
import { PRECISIONS } from '../src/catalog/types.ts';
import { SERVING_ENGINES } from '../src/calc/coverage.ts';
import { LENGTH_PROFILE_IDS } from '../src/calc/lengths.ts';

const COMMANDS = ['', 'run', 'validate', 'index', 'catalog', 'init', 'estimate'] as const;
const LANGS = ['en', 'zh-CN'] as const;

/**
 * Latin words the Chinese help may show as they are: format names, and the ids a user types
 * (GPUs, models, precisions, serving engines, length profiles, estimate's --method and
 * --recompute values), a few proper names, and `token`, which the project's Chinese keeps.
 */
const ALLOWED = new Set(
  [
    ...FORMATS,
    ...GPU_IDS,
    ...MODEL_IDS,
    ...PRECISIONS,
    ...SERVING_ENGINES,
    ...LENGTH_PROFILE_IDS,
    'lora qlora full selective none',
    // --shard auto; README (a file name); token, a word the project's Chinese keeps (首 token 时延).
    'auto README token',
    'YAML Kubernetes ZeRO LoRA QLoRA',
    // Environment variable names (the message language's default).
    'LC_ALL LC_MESSAGES LANG',
  ]
    .flatMap((id) => id.split(/[^A-Za-z]+/))
    .filter((w) => w.length >= 4)
    .map((w) => w.toLowerCase()),
);

/** yargs' tags in Chinese (node_modules/yargs/locales/zh_CN.json): [字符串] [必需] [默认值: "out"] [可选值: "en", "zh-CN"]. */
const YARGS_TAG = /\[(?:布尔|计数|字符串|数字|数组|必需|默认值|可选值|生成的值)[^\]]*\]/g;

/**
 * The English words (4+ letters) of one line of Chinese help, once the things that stay as typed
 * are taken out: yargs' tags, quoted values, code spans, the program with its command words,
 * placeholders (<inputs..>, [dir]), flags (--out, -o), file names (*.yaml, dir/scenario.yaml),
 * the positional names listed under 位置 and the allowed ids.
 */
function englishWords(line: string, positionals: ReadonlySet<string>): string[] {
  const rest = line
    .replace(YARGS_TAG, ' ')
    .replace(/"[^"]*"|`[^`]*`/g, ' ')
    .replace(/gpu-report(?: [a-z][\w-]*)*/g, ' ')
    .replace(/[\w*./<>-]*\.(?:ya?ml|json|xlsx|pdf|html|\*)(?!\w)/g, ' ')
    .replace(/<[^<>\s]*>|\[[\x21-\x7e]*\]/g, ' ')
    .replace(/(^|[^\w-])--?[a-zA-Z][\w-]*/g, '$1 ')
    .replace(/^\s+(\w+)(?=\s)/, (whole, name: string) => (positionals.has(name) ? ' ' : whole));
  return (rest.match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

/** The positional names in a help's usage line: `<inputs..>`, `[dir]`. */
const positionalsOf = (help: string): Set<string> =>
  new Set([...(help.split('\n')[0] ?? '').matchAll(/[<[](\w+)(?:\.\.)?[>\]]/g)].map((m) => m[1]!));

/** Text without any white space: yargs wraps long descriptions (Chinese ones inside a phrase). */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

const helpKeys = Object.keys(en).filter((k) => k.startsWith('cli.help.')) as (keyof typeof en)[];
const results = new Map<string, CliResult>();
const help = (command: string, lang: string): CliResult => results.get(`${command}|${lang}`)!;

beforeAll(async () => {
  await Promise.all(
    COMMANDS.flatMap((command) =>
      LANGS.map(async (lang) => {
        const args = [...(command ? [command] : []), '--help', '--lang', lang];
        // LANG=C.UTF-8: only --lang chooses the language.
        results.set(`${command}|${lang}`, await runCli(args, { env: { LANG: 'C.UTF-8', LC_ALL: '' } }));
      }),
    ),
  );
});

describe('the help in the language of the CLI', () => {
  it('the check finds English words and leaves typed things alone', () => {
    const none = new Set<string>();
    expect(englishWords('  gpu-report run <inputs..>  generate the reports for scenario files', none)).toEqual([
      'generate',
      'reports',
      'scenario',
      'files',
    ]);
    expect(englishWords('      --lang  报告语言（默认：场景的 locale，否则 en） [字符串] [可选值: "en", "zh-CN"]', none)).toEqual([
      'locale',
    ]);
    expect(englishWords('  -f, --format  逗号分隔：xlsx, pdf, html, json  [字符串] [默认值: "xlsx,pdf,html,json"]', none)).toEqual([]);
    expect(englishWords('写入 dir/scenario.yaml；合并 index-shard-<i>-of-<n>.json（见 `gpu-report catalog gpus`）', none)).toEqual([]);
    expect(englishWords('  what  [必需] [可选值: "gpus", "models"]', new Set(['what']))).toEqual([]);
    expect(englishWords('  what  [必需]', none)).toEqual(['what']);
  });

  it.each(COMMANDS)('zh-CN: `%s --help` has no English word outside names, flags and values', (command) => {
    const r = help(command, 'zh-CN');
    expect(r.code, describeRun(r)).toBe(0);
    const positionals = positionalsOf(r.stdout);
    const bad = r.stdout.split('\n').filter((line) => englishWords(line, positionals).length > 0);
    expect(bad).toEqual([]);
    expect(r.stdout).toContain('选项：');
  });

  it.each(COMMANDS)('en: `%s --help` in English, with no Chinese', (command) => {
    const r = help(command, 'en');
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('Options:');
    expect(r.stdout).not.toMatch(/\p{Script=Han}/u);
  });

  it.each(LANGS)('%s: every help text of the catalogue shows in some help', (lang) => {
    expect(helpKeys.length).toBeGreaterThan(30);
    const all = squeeze(COMMANDS.map((c) => help(c, lang).stdout).join('\n'));
    const catalogue: Record<string, string> = lang === 'en' ? en : zhCN;
    // A text with {placeholders} shows as its literal parts.
    const missing = helpKeys.filter((k) =>
      catalogue[k]!.split(/\{\w+\}/)
        .map(squeeze)
        .some((part) => !all.includes(part)),
    );
    expect(missing).toEqual([]);
  });
});

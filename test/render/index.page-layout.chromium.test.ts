/**
 * The printed pages of the example reports, read back with `pdftotext -bbox-layout` as a reader
 * sees them: no page past the contents holds only a stray note or two (a near-empty page), and no
 * page ends with a table or section title whose table starts on the next page; URLs wrap at
 * their separators, not mid-word; Chinese table headers break between words, not inside them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { hasBrowser, hasPoppler } from './pdf-helpers.ts';
import { makeTempDir, removeTempDirs, runCli, describeRun } from '../e2e/helpers.ts';

afterAll(removeTempDirs);

interface Line {
  readonly y: number;
  readonly height: number;
  readonly text: string;
}

/** Each page's lines above the footer, top to bottom. */
function pages(file: string): { height: number; lines: Line[] }[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => {
    const height = Number(p[1]);
    const lines = [...p[2]!.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)]
      .map((l) => ({
        y: Number(l[1]),
        height: Number(l[2]) - Number(l[1]),
        text: [...l[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
      }))
      .filter((l) => l.y < height - 40)
      .sort((a, b) => a.y - b.y);
    return { height, lines };
  });
}

/** Every example scenario; the purchase requests' covers carry the document control, the most a cover holds. */
const SCENARIOS = fs
  .readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const WITH_REQUEST = SCENARIOS.filter((s) => s.startsWith('purchase-request'));
const run = hasBrowser && hasPoppler;
let dir = '';

beforeAll(async () => {
  if (!run) return;
  dir = makeTempDir('page-layout');
  for (const lang of ['en', 'zh-CN']) {
    const files = SCENARIOS.map((s) => path.join('scenarios', `${s}.yaml`));
    const r = await runCli(['run', ...files, '--format', 'pdf,json', '--lang', lang, '--out', path.join(dir, lang)], {
      timeoutMs: 300_000,
    });
    if (r.code !== 0) throw new Error(describeRun(r));
  }
}, 320_000);

describe.runIf(run).each(['en', 'zh-CN'])('example PDFs, %s', (lang) => {
  it.each(SCENARIOS)('%s: no near-empty page past the contents', (name) => {
    const all = pages(path.join(dir, lang, `${name}.pdf`));
    // The summary may take more than one page, and the contents follows its last lines when it fits
    // there: the contents page is the one with its title.
    const contents = all.findIndex((p) => p.lines.some((l) => l.text === (lang === 'en' ? 'Contents' : '目录'))) + 1;
    expect(contents).toBeGreaterThanOrEqual(2);
    const sparse = all
      .map((p, i) => ({ page: i + 1, chars: p.lines.reduce((a, l) => a + l.text.length, 0), last: p.lines.at(-1)?.text ?? '' }))
      .filter((p) => p.page > contents && p.page < all.length && p.chars < 300);
    expect(sparse).toEqual([]);
  });

  it.each(SCENARIOS)('%s: the cover is one page (page 2 opens the executive summary)', (name) => {
    const [, second] = pages(path.join(dir, lang, `${name}.pdf`));
    expect(second?.lines[0]?.text).toBe(lang === 'en' ? 'Executive summary' : '执行摘要');
  });

  it.each(SCENARIOS)('%s: no title alone at the foot of a page', (name) => {
    const all = pages(path.join(dir, lang, `${name}.pdf`));
    // The titles of the sections and their tables, charts and key-value blocks, from the JSON.
    const report = JSON.parse(fs.readFileSync(path.join(dir, lang, `${name}.json`), 'utf8')) as {
      analyses: { title: string; blocks: { title?: string }[] }[];
    };
    const titles = report.analyses.flatMap((a) => [a.title, ...a.blocks.flatMap((b) => (b.title ? [b.title] : []))]);
    // A title line (10.5 pt bold or more, taller than table text) as a page's last line, in its
    // lowest fifth, that is (part of) a title: the summary's figures are as tall, and may end a page.
    const orphans = all
      .map((p, i) => ({ page: i + 1, last: p.lines.at(-1), height: p.height }))
      .filter((p) => p.last && p.last.height > 11 && p.last.y > p.height * 0.8)
      .filter((p) => {
        // The line as a title's start or end (a wrapped title), its section number dropped.
        const line = p.last!.text.replace(/^\d+ (?=\D)/, '');
        return titles.some((t) => {
          const title = t.replace(/\s+/g, ' ');
          return title === line || (line.length >= 8 && (title.startsWith(line) || title.endsWith(line)));
        });
      })
      .map((p) => `p${p.page}: ${p.last!.text}`);
    expect(orphans).toEqual([]);
  });

  it.each(SCENARIOS.filter((s) => !WITH_REQUEST.includes(s)))(
    '%s: without a request block, the short purchase-request section follows the previous one on its page',
    (name) => {
      const all = pages(path.join(dir, lang, `${name}.pdf`));
      const title = lang === 'en' ? 'Purchase request and sign-off' : '采购申请与审批';
      const at = all.at(-1)!.lines.findIndex((l) => l.text.endsWith(title));
      expect(at).toBeGreaterThanOrEqual(0);
      // Opening the last page only when the page before is full (its last line in the lowest quarter).
      const before = all.at(-2)!;
      if (at === 0) expect(before.lines.at(-1)!.y).toBeGreaterThan(before.height * 0.75);
    },
  );

  it.each(WITH_REQUEST)('%s: the alternatives considered and the sign-off each open a page of their own', (name) => {
    const all = pages(path.join(dir, lang, `${name}.pdf`));
    const first = all.map((p) => p.lines[0]?.text ?? '');
    const alternatives = first.indexOf(lang === 'en' ? 'Alternatives considered' : '备选方案比较');
    const signOff = first.indexOf(lang === 'en' ? 'Sign-off' : '审批');
    expect(alternatives).toBeGreaterThan(2);
    expect(signOff).toBeGreaterThan(alternatives);
    // The sign-off page holds every approver's line, and the alternatives page no sign-off.
    const text = (i: number) => all[i]!.lines.map((l) => l.text).join('\n');
    const scenario = YAML.parse(fs.readFileSync(path.join('scenarios', `${name}.yaml`), 'utf8')) as { request: { approvers: string[] } };
    for (const approver of scenario.request.approvers) expect(text(signOff)).toContain(approver);
    expect(text(alternatives)).not.toMatch(lang === 'en' ? /Signature/ : /签字/);
  });
});

describe.runIf(run).each(['en', 'zh-CN'])('text of the example PDFs, %s', (lang) => {
  const text = (name: string) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, lang, `${name}.pdf`), '-'], { encoding: 'utf8' });

  it.each(SCENARIOS)('%s: a URL split over lines breaks after a separator', (name) => {
    const json = fs.readFileSync(path.join(dir, lang, `${name}.json`), 'utf8');
    const urls = new Set(json.match(/https?:\/\/[^\s"]+/g) ?? []);
    // The printed lines as laid out: plain `pdftotext` output joins a line that ends in "-" with the
    // next and drops the hyphen (".../nvidia-" + "ada-gpu..." reads ".../nvidiaada-gpu..."), which
    // would hide a break after a hyphen, a separator, behind a URL that does not exist.
    const lines = pages(path.join(dir, lang, `${name}.pdf`))
      .flatMap((p) => p.lines.map((l) => l.text.trim()))
      .filter((l) => /^https?:\/\//.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !urls.has(l) && !/[/?&#=_-]$/.test(l))).toEqual([]);
  });

  it.runIf(lang === 'zh-CN')('keeps Chinese header words whole: 配置数, （美元）', () => {
    const t = text('gpu-comparison');
    expect(t).toContain('配置数');
    expect(t).toContain('（美元）');
    expect(t).not.toMatch(/（美\n/);
  });
});

/**
 * No comment, message or document points at a file that is not in the repository: every
 * repository-relative path (`docs/….md`, `src/….ts`, `scripts/…`, `data/…`, …) and every local
 * Markdown link in src/, templates/, docs/, README.md and CONTRIBUTING.md must exist, and a
 * `#anchor` on a Markdown file must be one of its headings.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const SCANNED = ['src', 'templates', 'docs', 'README.md', 'CONTRIBUTING.md'];
/** Text files whose words are ours (data files such as calibration.csv quote other repositories' paths). */
const TEXT = /\.(ts|js|md|hbs|css|ya?ml)$/;
const TOP = ['docs', 'src', 'scripts', 'data', 'templates', 'schema', 'test', 'bench', 'scenarios'];
/** A repository-relative path: not inside a URL or another path (no `/`, `.`, word char before it). */
const PATH_REF = new RegExp(`(?<![\\w./@-])((?:${TOP.join('|')})/[\\w./-]*[\\w/])(#[\\w-]+)?`, 'g');
const MD_LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

interface Ref {
  readonly from: string;
  readonly line: number;
  readonly text: string;
  readonly path: string;
  readonly anchor?: string;
}

function referencesIn(file: string): Ref[] {
  const refs: Ref[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const m of text.matchAll(PATH_REF)) refs.push({ from: file, line: i + 1, text: m[0], path: m[1]!, anchor: m[2]?.slice(1) });
      if (!file.endsWith('.md')) return;
      for (const m of text.matchAll(MD_LINK)) {
        const target = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const [path = '', anchor] = target.split('#');
        refs.push({ from: file, line: i + 1, text: target, path: path === '' ? file : normalize(join(dirname(file), path)), anchor });
      }
    });
  return refs;
}

/** Why a reference is broken, or null when it resolves. A test's name may omit `.test.ts`. */
function problem(ref: Ref): string | null {
  const path = ref.path.replace(/\/$/, '') || '.';
  const target = existsSync(path) ? path : path.startsWith('test/') && existsSync(`${path}.test.ts`) ? `${path}.test.ts` : null;
  if (!target) return 'no such file';
  if (ref.anchor === undefined || !target.endsWith('.md')) return null;
  return headingAnchors(readFileSync(target, 'utf8')).has(ref.anchor) ? null : `no heading #${ref.anchor} in ${target}`;
}

describe('references to repository files', () => {
  const files = SCANNED.flatMap(filesUnder).filter((f) => TEXT.test(f));

  it('scans the sources and the documents', () => {
    expect(files).toContain('docs/methodology.md');
    expect(files).toContain(join('src', 'calc', 'memory-constants.ts'));
  });

  it('finds paths and anchors, and tells broken ones apart', () => {
    const refs = (text: string) => [...text.matchAll(PATH_REF)].map((m) => m[0]);
    expect(refs('see docs/methodology.md#economics.')).toEqual(['docs/methodology.md#economics']);
    expect(refs('https://github.com/o/r/blob/main/docs/x.md and ../src/a.ts')).toEqual([]);
    expect(problem({ from: 'x', line: 1, text: '', path: 'docs/methodology.md', anchor: 'economics' })).toBeNull();
    expect(problem({ from: 'x', line: 1, text: '', path: 'docs/methodology.md', anchor: 'no-such-section' })).toMatch(/no heading/);
    expect(problem({ from: 'x', line: 1, text: '', path: 'docs/no-such-file.md' })).toBe('no such file');
    expect([...headingAnchors('# A b\n```\n# not a heading\n```\n## Cost per 1M tokens\n## A b')]).toEqual([
      'a-b',
      'cost-per-1m-tokens',
      'a-b-1',
    ]);
  });

  it('every referenced file exists and every anchor is a heading of its target', () => {
    const broken = files.flatMap(referencesIn).flatMap((r) => {
      const why = problem(r);
      return why ? [`${r.from}:${r.line}: ${r.text} (${why})`] : [];
    });
    expect(broken).toEqual([]);
  });
});

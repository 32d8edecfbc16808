/**
 * `--format` selection, folder discovery (nested folders, same stem, .yml, other files) and a
 * batch where one scenario is invalid, with the batch index each run writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.ts';
import {
  EXIT,
  describeRun,
  diagnosticsFor,
  fixture,
  listFiles,
  makeTempDir,
  pdfInfo,
  pdfText,
  removeTempDirs,
  runCli,
  squash,
  withoutBatchIndex,
  writeFile,
  type CliResult,
} from './helpers.ts';

const MINIMAL = fs.readFileSync(fixture('good', 'minimal.yaml'), 'utf8');
/** The minimal valid scenario under another name, so each output can be traced to its input. */
const named = (name: string) => {
  const text = MINIMAL.replace(/^name: .*$/m, `name: ${name}`);
  expect(text).not.toBe(MINIMAL);
  return text;
};

let dir = '';
let badFormat: CliResult;
let tree: CliResult;
let mixed: CliResult;
const out = (label: string) => path.join(dir, `out-${label}`);

beforeAll(async () => {
  dir = makeTempDir('batches');
  const minimal = writeFile(path.join(dir, 'minimal.yaml'), MINIMAL);

  writeFile(path.join(dir, 'tree', 'a', 'x.yaml'), named('Scenario A'));
  writeFile(path.join(dir, 'tree', 'b', 'x.yaml'), named('Scenario B'));
  writeFile(path.join(dir, 'tree', 'c', 'deeper', 'y.yml'), named('Scenario Y'));
  writeFile(path.join(dir, 'tree', 'index.yaml'), named('Scenario I'));
  writeFile(path.join(dir, 'tree', 'notes.txt'), 'version: 1\n');
  writeFile(path.join(dir, 'tree', 'README.md'), '# scenarios\n');
  writeFile(path.join(dir, 'tree', 'a', 'x.yaml.bak'), 'not: a scenario\n');
  writeFile(path.join(dir, 'tree', 'b', 'settings.json'), '{}\n');

  const good = writeFile(path.join(dir, 'mixed', 'good.yaml'), named('Good one'));
  const bad = writeFile(path.join(dir, 'mixed', 'bad.yaml'), fs.readFileSync(fixture('bad', 'unknown-gpu-id.yaml')));

  // Each CLI start costs seconds, so the folder run also checks `--format json,xlsx`.
  [badFormat, tree, mixed] = await Promise.all([
    runCli(['run', minimal, '--format', 'foo', '--out', out('foo')], { cwd: dir }),
    runCli(['run', path.join(dir, 'tree'), '--format', 'json,xlsx', '--out', out('tree')], { cwd: dir }),
    runCli(['run', bad, good, '--out', out('mixed')], { cwd: dir }),
  ]);
});
afterAll(removeTempDirs);

const jsonFiles = () => withoutBatchIndex(listFiles(out('tree'))).filter((f) => f.endsWith('.json'));
const report = (file: string): Report => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;

describe('--format', () => {
  it('json,xlsx writes only those two, for every scenario', () => {
    expect(tree.code, describeRun(tree)).toBe(EXIT.success);
    const files = listFiles(out('tree'));
    expect(files.filter((f) => !/\.(json|xlsx)$/.test(f))).toEqual([]);
    expect(withoutBatchIndex(files)).toEqual([
      'a-x.json',
      'a-x.xlsx',
      'b-x.json',
      'b-x.xlsx',
      'index-2.json',
      'index-2.xlsx',
      'y.json',
      'y.xlsx',
    ]);
  });

  it('foo exits 2, names the valid formats and writes nothing', () => {
    expect(badFormat.code, describeRun(badFormat)).toBe(EXIT.invalidInput);
    expect(badFormat.stderr).toContain('foo');
    for (const f of ['xlsx', 'pdf', 'html', 'json']) expect(badFormat.stderr).toContain(f);
    expect(badFormat.stderr.trim().split('\n').length, 'a short message, not a stack trace').toBeLessThanOrEqual(3);
    expect(fs.existsSync(out('foo'))).toBe(false);
    expect(listFiles(dir).filter((f) => !/^(tree|mixed|out-tree|out-mixed)\//.test(f))).toEqual(['minimal.yaml']);
  });
});

describe('a folder of scenarios', () => {
  it('finds .yaml and .yml in nested folders and ignores other files', () => {
    expect(tree.code, describeRun(tree)).toBe(EXIT.success);
    const files = jsonFiles();
    expect(files).toHaveLength(4);
    const names = files.map((f) => report(path.join(out('tree'), f)).scenario.name).sort();
    expect(names).toEqual(['Scenario A', 'Scenario B', 'Scenario I', 'Scenario Y']);
  });

  it('writes a/x.yaml and b/x.yaml side by side (a-x, b-x), neither overwriting the other', () => {
    const byName = new Map(jsonFiles().map((f) => [report(path.join(out('tree'), f)).scenario.name, f]));
    expect(byName.get('Scenario A')).toBe('a-x.json');
    expect(byName.get('Scenario B')).toBe('b-x.json');
    expect(byName.get('Scenario Y')).toBe('y.json');
    // index.yaml must not take (or be overwritten by) the batch index's names.
    expect(byName.get('Scenario I')).toBe('index-2.json');
    const files = ['a-x.json', 'b-x.json'].map((f) => report(path.join(out('tree'), f)).scenario.file);
    expect(files[0]).toMatch(/(^|\/)a\/x\.yaml$/);
    expect(files[1]).toMatch(/(^|\/)b\/x\.yaml$/);
  });
});

describe('a batch with one invalid and one valid scenario', () => {
  it('exits 2', () => {
    expect(mixed.code, describeRun(mixed)).toBe(EXIT.invalidInput);
  });

  it('writes every format of the valid one and nothing of the invalid one', () => {
    expect(withoutBatchIndex(listFiles(out('mixed')))).toEqual(['good.html', 'good.json', 'good.pdf', 'good.xlsx']);
    expect(report(path.join(out('mixed'), 'good.json')).scenario.name).toBe('Good one');
  });

  it('reports the invalid one at its line and column', () => {
    const bad = path.join(dir, 'mixed', 'bad.yaml');
    const lines = diagnosticsFor(mixed.stderr, bad);
    expect(lines.map((d) => [d.line, d.col])).toEqual([[11, 5]]);
    expect(lines[0]!.text).toMatch(/^candidates\[1\]: .*h100-sxm5-80gb/);
    expect(diagnosticsFor(mixed.stderr, path.join(dir, 'mixed', 'good.yaml'))).toEqual([]);
  });
});

describe('the batch index of each run', () => {
  const index = (label: string) => report(path.join(out(label), 'index.json'));

  it('is written in the formats asked for, linking only the reports that were written', async () => {
    expect(listFiles(out('tree')).filter((f) => f.startsWith('index.'))).toEqual(['index.json', 'index.xlsx']);
    const tree = index('tree');
    expect(tree.kind).toBe('index');
    expect(tree.batch!.scenarios.map((r) => [r.output, r.reports])).toEqual(
      ['a-x', 'b-x', 'y', 'index-2'].map((o) => [o, { json: `${o}.json`, xlsx: `${o}.xlsx` }]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out('tree'), 'index.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(5);
    for (let row = 2; row <= 5; row++) {
      const output = tree.batch!.scenarios[row - 2]!.output;
      const cells = [9, 10, 11, 12].map((c) => ws.getRow(row).getCell(c).value as ExcelJS.CellHyperlinkValue | null);
      expect(cells.map((c) => c?.hyperlink ?? null)).toEqual([`${output}.xlsx`, null, null, `${output}.json`]);
    }
  });

  it('shows the invalid scenario with its status and message next to the valid one, in every format', () => {
    expect(listFiles(out('mixed')).filter((f) => f.startsWith('index.'))).toEqual(['index.html', 'index.json', 'index.pdf', 'index.xlsx']);
    const rows = index('mixed').batch!.scenarios;
    expect(rows.map((r) => [r.output, r.status])).toEqual([
      ['bad', 'invalid'],
      ['good', 'ok'],
    ]);
    expect(rows[0]!.reason).toMatch(/^11:5: candidates\[1\]: .*h100-sxm5-80gb/);
    const html = fs.readFileSync(path.join(out('mixed'), 'index.html'), 'utf8');
    expect(html).toContain('<a href="good.pdf">pdf</a>');
    expect(html).not.toContain('href="bad.');
    const text = squash(pdfText(path.join(out('mixed'), 'index.pdf')));
    for (const shown of ['Batchindex', 'bad.yaml', 'invalid', 'candidates[1]:', 'Goodone', 'ok']) expect(text).toContain(shown);
    expect(pdfInfo(path.join(out('mixed'), 'index.pdf')).Title).toBe('Batch index · GPU procurement report');
  });
});

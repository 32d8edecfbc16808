/**
 * Hostile text, by class rather than by instance: every C0/C1 control character in every kind
 * of scenario string, every character that could end a CSS string, every common wrong encoding,
 * and control characters in file names printed to the terminal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { parseScenario } from '../../src/scenario/parse.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { cssString } from '../../src/render/html.ts';
import { loadReport } from '../../src/pipeline.ts';
import { renderOutcome } from '../../src/batch/progress.ts';
import { quotePath, terminalSafe } from '../../src/log.ts';
import { removeTempDirs, scenarioYaml, tempDir, write } from '../batch/helpers.ts';

afterAll(removeTempDirs);

/** Every C0 control, DEL and every C1 control. */
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)].map((c) =>
  String.fromCodePoint(c),
);
/** A YAML double-quoted scalar holding `text` (JSON escapes are valid YAML escapes). */
const q = (text: string) => JSON.stringify(text);
const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const ARCH = (name: string) =>
  [
    '    architecture:',
    `      name: ${q(name)}`,
    '      paramsB: 7',
    '      layers: 32',
    '      hiddenSize: 4096',
    '      attentionHeads: 32',
    '      ffnSize: 11008',
    '      vocabSize: 32000',
  ].join('\n');

/** Where a control character can go, the YAML, the field path and the 1-based line it is on. */
const FIELDS: readonly { field: string; yaml: (bad: string) => string; line: number }[] = [
  { field: 'name', yaml: (bad) => scenarioYaml({ name: `Q3${bad};}} body::before{content:'APPROVED'} table{display:none}` }), line: 2 },
  { field: 'workloads[0].name', yaml: (bad) => scenarioYaml({ workload: `ch${bad}at` }), line: 4 },
  { field: 'workloads[0].architecture.name', yaml: (bad) => scenarioYaml({ model: ARCH(`My${bad}model`) }), line: 7 },
  { field: 'workloads[0].model', yaml: (bad) => scenarioYaml({ model: `    model: ${q(`llama-3.1-8b${bad}`)}` }), line: 6 },
  { field: 'candidates[0]', yaml: (bad) => scenarioYaml({ gpu: q(`l40s${bad}`) }), line: 10 },
  {
    field: 'economics.currency',
    yaml: (bad) => scenarioYaml({ extra: `economics:\n  currency: ${q(`EU${bad}R`)}\n  usdExchangeRate: 0.9` }),
    line: 12,
  },
];

describe('control characters in scenario text (refused at validation, with field, line and column)', () => {
  for (const { field, yaml, line } of FIELDS) {
    it(`${field}: every C0/C1 control character is refused and named`, () => {
      for (const bad of CONTROLS) {
        const result = parseScenario(yaml(bad), 's.yaml');
        expect(result.ok, `${field} with ${hex(bad)}`).toBe(false);
        if (result.ok) continue;
        const hit = result.diagnostics.find((d) => d.path === field && d.message.includes(hex(bad)));
        expect(hit, `${field} with ${hex(bad)}: ${result.diagnostics.map(formatDiagnostic).join('\n')}`).toBeDefined();
        expect(hit!.line).toBe(line);
        expect(hit!.message).toMatch(/printable|allowed/);
        expect(formatDiagnostic(hit!)).toMatch(new RegExp(`^s\\.yaml:${line}:\\d+: ${field.replace(/[.[\]]/g, '\\$&')}: `));
      }
    });
  }

  it('description: tab and line breaks are allowed, every other control character is refused', () => {
    for (const bad of CONTROLS) {
      const result = parseScenario(scenarioYaml({ description: `first${bad}second` }), 's.yaml');
      if (bad === '\t' || bad === '\n' || bad === '\r') expect(result.ok, hex(bad)).toBe(true);
      else {
        expect(result.ok, hex(bad)).toBe(false);
        if (!result.ok)
          expect(result.diagnostics.map(formatDiagnostic)).toContainEqual(
            expect.stringMatching(new RegExp(`^s\\.yaml:3:\\d+: description: .*${hex(bad).replace('+', '\\+')}.*tab and line breaks`)),
          );
      }
    }
  });

  it('a field name with a control character is reported once, at the key', () => {
    const result = parseScenario(scenarioYaml({ extra: `"bad\\ekey": 1` }), 's.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.diagnostics.map(formatDiagnostic)).toEqual([
        expect.stringMatching(/^s\.yaml:11:1: bad.key: field name contains the control character U\+001B/),
      ]);
  });
});

describe('cssString escapes by allow-list', () => {
  // Inside the quotes: only safe characters, or `\HEX ` escapes.
  const SAFE_CSS_STRING = /^"(?:[\p{L}\p{N} .,:!?·_\-+=%#@/()]|\\[0-9a-f]{1,6} )*"$/u;

  it('leaves nothing that can end the string or the <style> element, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => SAFE_CSS_STRING.test(cssString(text))),
      { numRuns: 2000 },
    );
    for (const ch of [...CONTROLS, '"', "'", '\\', '<', '>', '&', '{', '}', ';', '\u2028', '\u0301']) {
      expect(cssString(`a${ch}b`), hex(ch)).toMatch(SAFE_CSS_STRING);
    }
  });

  it('keeps plain text readable and escapes a form feed', () => {
    expect(cssString('Q3 plan · 数据中心 (EU)')).toBe('"Q3 plan · 数据中心 (EU)"');
    expect(cssString('Q3\f;}}')).toBe('"Q3\\c \\3b \\7d \\7d "');
  });
});

describe('file encodings (named, with line and column)', () => {
  const dir = tempDir('encodings');
  const minimal = scenarioYaml({ name: 'Café München' });
  const load = async (name: string, bytes: Uint8Array) => {
    const file = write(path.join(dir, name), bytes);
    const result = await loadReport(file, { now: new Date('2026-01-01T00:00:00Z') });
    return { file, result };
  };
  const only = (r: Awaited<ReturnType<typeof load>>) => {
    expect(r.result.ok).toBe(false);
    return r.result.ok ? undefined : r.result.diagnostics;
  };

  it('Latin-1 / Windows-1252: refused at the first byte that is not UTF-8', async () => {
    const r = await load('latin1.yaml', Buffer.from(minimal, 'latin1'));
    const [d] = only(r) ?? [];
    expect(d).toMatchObject({ line: 2, col: 11 });
    expect(d!.message).toMatch(/not valid UTF-8.*0xE9.*Latin-1.*save it as UTF-8/);
  });

  it.each([
    ['UTF-16 (little-endian)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal, 'utf16le')])],
    ['UTF-16 (big-endian)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(minimal, 'utf16le').swap16()])],
    ['UTF-32 (little-endian)', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x76, 0, 0, 0])],
  ])('%s with a byte-order mark: named as such', async (encoding, bytes) => {
    const [d] = only(await load(`${encoding.replace(/\W+/g, '-')}.yaml`, bytes)) ?? [];
    expect(d).toMatchObject({ line: 1, col: 1 });
    expect(d!.message).toContain(encoding);
    expect(d!.message).toMatch(/save it as UTF-8/);
  });

  it('UTF-16 without a byte-order mark: the NUL bytes give it away', async () => {
    const [d] = only(await load('utf16-nobom.yaml', Buffer.from(minimal, 'utf16le'))) ?? [];
    expect(d!.message).toMatch(/NUL.*UTF-16.*save it as UTF-8/);
  });

  it('UTF-8 with a byte-order mark is read as UTF-8', async () => {
    const r = await load('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal, 'utf8')]));
    expect(r.result.ok).toBe(true);
  });
});

describe('YAML that is almost a scenario', () => {
  it('two documents: says a file holds one, at the second', () => {
    const result = parseScenario(`${scenarioYaml()}\n---\n${scenarioYaml()}`, 's.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ line: 12, col: 1 });
      expect(result.diagnostics[0]!.message).toMatch(/one.*own file/);
      expect(result.diagnostics[0]!.message).not.toMatch(/parseAllDocuments/);
    }
  });

  it('a `<<` merge key works as in YAML 1.1', () => {
    const text = [
      'version: 1',
      'name: merged',
      'workloads:',
      '  - &chat { name: chat, kind: inference, model: llama-3.1-8b, inputTokens: 512, outputTokens: 128 }',
      '  - <<: *chat',
      '    name: chat-long',
      '    inputTokens: 4096',
      'candidates: [l40s]',
    ].join('\n');
    const result = parseScenario(text, 's.yaml');
    expect(result.ok, result.ok ? '' : result.diagnostics.map(formatDiagnostic).join('\n')).toBe(true);
    if (result.ok)
      expect(result.scenario.workloads[1]).toMatchObject({
        name: 'chat-long',
        model: 'llama-3.1-8b',
        inputTokens: 4096,
        outputTokens: 128,
      });
  });
});

describe('paths printed to the terminal', () => {
  const hostileNames = ['a\n✓ fake.yaml: valid', 'b\x1b[31mred.yaml', 'c\r.yaml', 'd\u009b31m.yaml', 'e\u202eLMAY.yaml', 'f\x07.yaml'];
  // No control character at all except the line break that ends each line.
  // eslint-disable-next-line no-control-regex -- the point of the test
  const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

  it('quotePath leaves plain paths alone and escapes every control character of the others', () => {
    expect(quotePath('out/team a/q1.yaml')).toBe('out/team a/q1.yaml');
    for (const name of hostileNames) {
      const quoted = quotePath(`in/${name}`);
      expect(quoted).not.toMatch(RAW_CONTROL);
      expect(quoted).not.toContain('\n');
      expect(quoted.startsWith('"')).toBe(true);
    }
  });

  it('diagnostics, outcomes and messages keep to one line per line and show no raw control character', () => {
    for (const name of hostileNames) {
      const file = `in/${name}`;
      const lines = [
        formatDiagnostic({ file, line: 1, col: 1, path: 'name', message: 'x' }),
        ...renderOutcome({
          file,
          status: 'ok',
          written: [`out/${name}.json`],
          failures: [],
          timings: { loadMs: 0, calculateMs: 0, buildMs: 0, renderMs: {}, writeMs: 0 },
        }),
        ...renderOutcome({
          file,
          status: 'failed',
          written: [],
          failures: [{ stage: 'pdf', message: 'x' }],
          timings: { loadMs: 0, calculateMs: 0, buildMs: 0, renderMs: {}, writeMs: 0 },
        }),
      ].map(terminalSafe);
      for (const line of lines) {
        expect(line, JSON.stringify(line)).not.toMatch(RAW_CONTROL);
        expect(line).not.toContain('\n');
      }
    }
  });
});

/**
 * Text → validated Scenario, or every problem of the file with its line and column. Pure:
 * the caller reads the file. YAML keeps source positions (LineCounter) so each zod issue
 * maps back to where it was written.
 */
import { LineCounter, parseDocument, isMap } from 'yaml';
import { scenarioSchema, type Scenario } from './schema.ts';
import { describeIssues, type Problem } from './zod-messages.ts';
import { checkRules } from './rules.ts';
import { checkText } from './text-check.ts';
import { formatPath, locate, type Diagnostic } from './diagnostics.ts';
import { cliMessage } from '../i18n/index.ts';

/** Diagnostics are command-line output: English (src/i18n/validate-en.ts). */
const t = cliMessage;

/** Scenario files larger than this are refused before parsing (hostile or mistaken input). */
export const MAX_SCENARIO_BYTES = 1024 * 1024;
/** Top-level keys of which a scenario has at least one; a file with none is another kind of YAML. */
const SCENARIO_KEYS = ['version', 'workloads', 'candidates'] as const;

/** Alias expansions allowed per document; stops "billion laughs" alias bombs (yaml's own guard). */
const MAX_ALIAS_COUNT = 100;

export type ParseResult =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function parseScenario(text: string, file: string): ParseResult {
  const at = (message: string, line = 1, col = 1, path = ''): Diagnostic => ({ file, line, col, path, message });
  if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES) {
    return fail([at(t('validate.tooLarge', { kib: MAX_SCENARIO_BYTES / 1024 }))]);
  }
  if (text.trim() === '') {
    return fail([at(t('validate.empty'))]);
  }
  const counter = new LineCounter();
  // merge: YAML 1.1 merge keys (`<<: *defaults`), which people write and expect to work; the
  // alias limit below counts merged aliases too.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => {
        // linePos is only filled with prettyErrors; the LineCounter maps the offset itself.
        const pos = counter.linePos(e.pos[0]);
        const message =
          e.code === 'MULTIPLE_DOCS' ? t('validate.multipleDocuments') : t('validate.invalidYaml', { detail: e.message.split('\n')[0]! });
        return at(message, pos.line, pos.col);
      }),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail([at(t('validate.aliasBomb', { detail: (error as Error).message, max: MAX_ALIAS_COUNT }))]);
  }
  if (!isMap(doc.contents)) {
    return fail([at(t('validate.notMapping'))]);
  }
  // A YAML file of another kind (a Kubernetes manifest, a CI config): one line, not one per key.
  const keys = Object.keys(raw as Record<string, unknown>);
  if (!SCENARIO_KEYS.some((k) => keys.includes(k))) {
    return fail([
      at(
        t('validate.otherYaml', { keys: SCENARIO_KEYS.join(', '), found: `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}` }),
      ),
    ]);
  }
  const parsed = scenarioSchema.safeParse(raw);
  const textProblems = checkText(raw);
  // A field name with a control character is reported as such, not also as an unknown field.
  const badKeys = new Set(textProblems.filter((p) => p.key !== undefined).map((p) => formatPath(p.path)));
  const rules = checkRules(raw);
  const replaced = new Set(rules.filter((p) => p.replacesSchema).map((p) => formatPath(p.path)));
  const problems: Problem[] = [
    ...textProblems,
    ...(parsed.success ? [] : describeIssues(parsed.error.issues, raw, scenarioSchema)).filter(
      (p) => !badKeys.has(formatPath(p.path)) && !replaced.has(formatPath(p.path)),
    ),
    ...rules,
  ];
  if (problems.length === 0 && parsed.success) return { ok: true, scenario: parsed.data };
  const diagnostics = dedupe(problems).map((p) => {
    const pos = p.key !== undefined ? locate(doc, counter, p.path.slice(0, -1), p.key) : locate(doc, counter, p.path);
    return { file, line: pos.line, col: pos.col, path: formatPath(p.path), message: p.message };
  });
  return fail(diagnostics.sort((a, b) => a.line - b.line || a.col - b.col));
}

const fail = (diagnostics: Diagnostic[]): ParseResult => ({ ok: false, diagnostics });

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatPath(p.path)}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

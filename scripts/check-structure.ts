/**
 * `npm run check:structure`: the rules of the house that no linter states.
 *  1. No import cycle between folders of src/ (a file at src/'s top level counts as its own
 *     folder): calc → calibration → calc would make the layers meaningless even when no two
 *     files import each other. File-level cycles are madge's (`madge --circular`).
 *  2. The test tree mirrors src/: every test file is `test/<path>/<module>[.<aspect>].test.ts`
 *     for a module `src/<path>/<module>.ts` or folder `src/<path>/<module>/`, except the suites
 *     that cut across modules: test/e2e (the spawned CLI) and test/hostile (hostile input) and test/repo (checks of the repository as a whole).
 * Exits 1 with one line per problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import madge from 'madge';

const ROOT = path.resolve(import.meta.dirname, '..');
const CROSS_CUTTING = new Set(['e2e', 'hostile', 'repo']);
const problems: string[] = [];

// ---- 1. folder cycles -------------------------------------------------------------------------
const graph = (await madge(path.join(ROOT, 'src'), { fileExtensions: ['ts'], detectiveOptions: { ts: { skipTypeImports: false } } })).obj();
const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);
const edges = new Map<string, Set<string>>();
for (const [file, deps] of Object.entries(graph)) {
  const from = folderOf(file);
  for (const dep of deps) {
    const to = folderOf(dep);
    if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
  }
}
/** Strongly connected components with more than one folder (Tarjan). */
function cycles(nodes: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of nodes.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of nodes.keys()) if (!idx.has(v)) visit(v);
  return out;
}
for (const component of cycles(edges)) {
  const members = new Set(component);
  const links = component.flatMap((from) =>
    [...(edges.get(from) ?? [])]
      .filter((to) => members.has(to))
      .map((to) => {
        const files = Object.entries(graph)
          .filter(([f, deps]) => folderOf(f) === from && deps.some((d) => folderOf(d) === to))
          .map(([f]) => f);
        return `${from} → ${to} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
      }),
  );
  problems.push(`folder cycle: ${links.join('; ')}`);
}

// ---- 2. the test tree mirrors src/ ------------------------------------------------------------
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(p) : e.name.endsWith('.test.ts') ? [p] : [];
  });
}
for (const file of testFiles(path.join(ROOT, 'test'))) {
  const rel = path.relative(path.join(ROOT, 'test'), file).split(path.sep).join('/');
  if (CROSS_CUTTING.has(rel.split('/')[0]!)) continue;
  const dir = path.posix.dirname(rel);
  const module = path.posix.basename(rel).split('.')[0]!;
  const target = path.join(ROOT, 'src', dir === '.' ? '' : dir, module);
  if (!fs.existsSync(`${target}.ts`) && !fs.existsSync(target)) {
    problems.push(
      `test/${rel}: no src/${dir === '.' ? '' : `${dir}/`}${module}.ts or folder to mirror (name tests <module>[.<aspect>].test.ts beside the module's path)`,
    );
  }
}

for (const p of problems) process.stdout.write(`${p}\n`);
process.stdout.write(
  problems.length ? `${problems.length} structure problem(s)\n` : 'structure: no folder cycles, test tree mirrors src/\n',
);
process.exit(problems.length ? 1 : 0);

/**
 * Output names. Each scenario's reports are `<out>/<name>.<ext>`, where name is the file stem;
 * when two inputs share a stem (a/x.yaml and b/x.yaml) the names take their folder path
 * relative to the inputs' common folder (a-x, b-x). Names are reduced to safe characters so
 * no scenario can write outside the output folder.
 */
import path from 'node:path';

export function safeName(text: string): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .replace(/-{2,}/g, '-');
  return cleaned.slice(0, 120) || 'scenario';
}

/**
 * Names the batch index uses (`index`, `index-shard-1-of-4`): a scenario file with such a stem
 * gets a suffix, so it cannot overwrite the index (or the index it).
 */
const isReservedName = (name: string): boolean => /^index(-shard-\d+-of-\d+)?$/i.test(name);

/**
 * Output base names for the input files, in the same order, unique (case-insensitively).
 * Only file paths count: a scenario's `name:` field never becomes part of a path.
 */
export function outputNames(files: readonly string[]): string[] {
  const stem = (f: string) => path.basename(f).replace(/\.ya?ml$/i, '');
  const counts = new Map<string, number>();
  for (const f of files) counts.set(stem(f).toLowerCase(), (counts.get(stem(f).toLowerCase()) ?? 0) + 1);
  const root = commonDir(files.map((f) => path.dirname(path.resolve(f))));
  const taken = new Set<string>();
  return files.map((f) => {
    const s = stem(f);
    const rel = path.relative(root, path.resolve(path.dirname(f)));
    let name = safeName(counts.get(s.toLowerCase())! > 1 && rel ? `${rel.split(path.sep).join('-')}-${s}` : s);
    for (let n = 2; taken.has(name.toLowerCase()) || isReservedName(name); n++) name = `${safeName(s)}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function commonDir(dirs: readonly string[]): string {
  if (dirs.length === 0) return process.cwd();
  const parts = dirs.map((d) => d.split(path.sep));
  const first = parts[0]!;
  let i = 0;
  while (i < first.length && parts.every((p) => p[i] === first[i])) i++;
  return first.slice(0, i).join(path.sep) || path.sep;
}

/**
 * `npm run snapshot:compare -- <before> <after>`: compares two JSON snapshots (scripts/snapshot-json.ts)
 * file by file and value by value; prints every path whose value differs, is missing or was
 * added, and exits 1 when anything differs. `--ignore key1,key2` skips keys by name anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const ignoreAt = args.indexOf('--ignore');
const ignore = new Set(ignoreAt >= 0 ? (args.splice(ignoreAt, 2)[1] ?? '').split(',') : []);
const [before, after] = args;
if (!before || !after) {
  process.stderr.write('usage: npm run snapshot:compare -- <before> <after> [--ignore key,…]\n');
  process.exit(2);
}

const differences: string[] = [];
function compare(a: unknown, b: unknown, at: string): void {
  if (Object.is(a, b)) return;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    differences.push(`${at}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`);
    return;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    differences.push(`${at}: array ↔ object`);
    return;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    if (ignore.has(key)) continue;
    if (!(key in bo)) differences.push(`${at}.${key}: removed`);
    else if (!(key in ao)) differences.push(`${at}.${key}: added`);
    else compare(ao[key], bo[key], `${at}.${key}`);
  }
}

const files = new Set([...fs.readdirSync(before), ...fs.readdirSync(after)].filter((f) => f.endsWith('.json')));
for (const file of [...files].sort()) {
  const read = (dir: string) =>
    fs.existsSync(path.join(dir, file)) ? (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown) : undefined;
  compare(read(before), read(after), file);
}
for (const line of differences.slice(0, 200)) process.stdout.write(`${line}\n`);
process.stdout.write(`${files.size} files compared, ${differences.length} differences\n`);
process.exit(differences.length ? 1 : 0);

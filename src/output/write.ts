/**
 * Atomic writes: bytes go to a temporary file in the same folder, then a rename puts them in
 * place, so a reader (or a killed run) never sees a truncated report. Temporary files are
 * dot-files named `.<target>.tmp-<pid>-<random>`: hidden, and never ending in an output
 * extension, so a killed run's leftovers cannot be mistaken for reports; the next run in the
 * same folder removes them (`removeStaleTemps`).
 */
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isAlive } from './process.ts';

const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

const tempNameFor = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);

export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempNameFor(file);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Leftovers older than this are removed even if their process id is in use again. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Removes temporary files that a killed run left in `dir`: those whose writer process is gone
 * (or that are over a day old). A live run's temporary files are left alone. Returns the
 * names removed.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const m = entry.isFile() ? TEMP_NAME.exec(entry.name) : null;
    if (!m) continue;
    const full = path.join(dir, entry.name);
    const pid = Number(m[1]);
    const old = await stat(full).then(
      (s) => now - s.mtimeMs > STALE_AFTER_MS,
      () => false,
    );
    if (pid !== process.pid && (old || !isAlive(pid))) {
      await rm(full, { force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}

/**
 * Finds scenario files: files as given, folders searched recursively for *.yaml / *.yml.
 * Symbolic links are followed (a folder reached twice, e.g. through a link loop, is searched
 * once), and the same file under two spellings (`a.yaml`, `x/../a.yaml`, a link to it) is run
 * once: files are deduplicated by their real path, keeping the first spelling.
 *
 * A given input that does not exist, cannot be read or is neither a file nor a folder (a FIFO,
 * /dev/null) is a command-line mistake: UserError, exit 2. Inside a folder, an entry that
 * cannot be read (an unreadable subfolder, a broken link, a FIFO named *.yaml) is skipped and
 * reported, and the rest of the folder is still searched.
 */
import { stat, readdir, realpath } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { type MessageKey, cliMessage } from '../i18n/index.ts';
import { quotePath } from '../log.ts';

const t = cliMessage;

const SCENARIO_FILE = /\.ya?ml$/i;
/** Folders never searched: dependencies, VCS data, hidden folders. */
const SKIP_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');

/** A path inside an input folder that was skipped, and why (English, for the terminal). */
export interface SkippedPath {
  readonly path: string;
  readonly reason: string;
}

/** What a path is when it is neither a regular file nor a folder, as a message key. */
export function kindKey(info: Stats): MessageKey {
  if (info.isDirectory()) return 'cli.kind.folder';
  if (info.isFIFO()) return 'cli.kind.fifo';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'cli.kind.device';
  if (info.isSocket()) return 'cli.kind.socket';
  return 'cli.kind.other';
}

const REASONS: Partial<Record<string, MessageKey>> = {
  ENOENT: 'cli.reason.ENOENT',
  EACCES: 'cli.reason.EACCES',
  EPERM: 'cli.reason.EACCES',
  ELOOP: 'cli.reason.ELOOP',
  EISDIR: 'cli.kind.folder',
};

/** Why a file-system call failed, in words where the errno code is a common one (ENOENT, EACCES, ELOOP), else the code. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const key = code ? REASONS[code] : undefined;
  if (key) return `${t(key)}, ${code}`;
  return code ?? (error instanceof Error ? error.message : String(error));
}

export const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The scenario files under `inputs`, in input order, each folder's files sorted by path.
 * Skipped paths inside folders go into `skipped` when it is given; without it the first one
 * is thrown as a UserError.
 */
export async function discoverScenarios(inputs: readonly string[], skipped?: SkippedPath[]): Promise<string[]> {
  const found: string[] = [];
  const skip = (p: string, reason: string) => {
    if (!skipped) throw new UserError(t('cli.skippedPath', { path: quotePath(p), reason }));
    skipped.push({ path: p, reason });
  };
  const visited = new Set<string>();
  for (const input of inputs) {
    let info: Stats;
    try {
      info = await stat(input);
    } catch (error) {
      throw new UserError(
        isMissing(error)
          ? t('cli.noInput', { input: quotePath(input) })
          : t('cli.unreadableInput', { input: quotePath(input), reason: reasonOf(error) }),
      );
    }
    if (info.isFile()) found.push(input);
    else if (info.isDirectory()) {
      const before = found.length;
      const entries = await readdir(input, { withFileTypes: true }).catch((error: unknown) => {
        throw new UserError(t('cli.unreadableInput', { input: quotePath(input), reason: reasonOf(error) }));
      });
      visited.add(await realpath(input).catch(() => path.resolve(input)));
      await walk(
        input,
        entries.map((e) => e.name),
        found,
        visited,
        skip,
      );
      if (found.length === before) throw new UserError(t('cli.noScenarios', { input: quotePath(input) }));
    } else {
      throw new UserError(t('cli.notFileOrFolder', { input: quotePath(input), kind: t(kindKey(info)) }));
    }
  }
  return dedupeByRealPath(found);
}

async function walk(
  dir: string,
  names: string[],
  into: string[],
  visited: Set<string>,
  skip: (p: string, reason: string) => void,
): Promise<void> {
  for (const name of names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = path.join(dir, name);
    const isScenarioName = SCENARIO_FILE.test(name);
    if (SKIP_DIR(name) && !isScenarioName) continue;
    // stat follows links: a linked file or folder counts as what it points at.
    let info: Stats;
    try {
      info = await stat(full);
    } catch (error) {
      // A broken link or an entry that vanished: worth a word only if it could have been a scenario.
      if (isScenarioName || !isMissing(error)) skip(full, reasonOf(error));
      continue;
    }
    if (info.isDirectory()) {
      if (SKIP_DIR(name)) continue;
      const real = await realpath(full).catch(() => path.resolve(full));
      if (visited.has(real)) continue; // a link loop, or a folder already searched
      visited.add(real);
      let entries: string[];
      try {
        entries = await readdir(full);
      } catch (error) {
        skip(full, reasonOf(error));
        continue;
      }
      await walk(full, entries, into, visited, skip);
    } else if (isScenarioName) {
      if (info.isFile()) into.push(full);
      else skip(full, t(kindKey(info)));
    }
  }
}

/** The first spelling of each real file; a path that cannot be resolved stands for itself. */
async function dedupeByRealPath(files: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const file of files) {
    const real = await realpath(file).catch(() => path.resolve(file));
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(file);
  }
  return kept;
}

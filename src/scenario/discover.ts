/** Finds scenario files: files as given, folders searched recursively for *.yaml / *.yml. */
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { createTranslator } from '../i18n/index.ts';

const t = createTranslator('en');

const SCENARIO_FILE = /\.ya?ml$/i;
/** Folders never searched: dependencies, VCS data, hidden folders. */
const SKIP_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');

export async function discoverScenarios(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new UserError(t('cli.noInput', { input }));
    if (info.isFile()) found.push(input);
    else {
      const before = found.length;
      await walk(input, found);
      if (found.length === before) throw new UserError(t('cli.noScenarios', { input }));
    }
  }
  return [...new Set(found)];
}

async function walk(dir: string, into: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIR(entry.name)) await walk(full, into);
    else if (entry.isFile() && SCENARIO_FILE.test(entry.name)) into.push(full);
  }
}

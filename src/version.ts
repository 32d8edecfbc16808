import { existsSync, readFileSync } from 'node:fs';

/**
 * The tool's version, from the package's package.json (read once): the nearest one above this
 * module, which is src/, dist/ or dist/bundle/ (scripts/bundle.mjs) depending on how it runs.
 */
function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); ; dir = new URL('../', dir)) {
    const file = new URL('package.json', dir);
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dir.pathname === '/') throw new Error('gpu-report: package.json not found above ' + import.meta.url);
  }
}

export const TOOL_VERSION: string = packageVersion();

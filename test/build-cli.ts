/**
 * vitest global set-up: compiles the CLI (tsc -p tsconfig.build.json, incremental) and bundles it
 * (scripts/bundle.mjs) before any test runs, so the end-to-end tests, which spawn
 * bin/gpu-report.js → dist/bundle/cli.js, always run the current sources: a stale dist/ cannot
 * hide a change.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
}

#!/usr/bin/env node
// Runs the compiled, bundled CLI (dist/bundle/, built by `npm run build`; scripts/setup.sh builds it on a fresh
// machine). `--version` alone is answered here, before any module of the tool loads, so it costs
// little more than Node's own start.
import { existsSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const cli = new URL('../dist/bundle/cli.js', import.meta.url);
  if (!existsSync(cli)) {
    process.stderr.write('gpu-report: not built yet: run `npm run build` (or `npm start`, which sets up and builds)\n');
    process.exitCode = 70;
  } else {
    await import(cli.href);
  }
}

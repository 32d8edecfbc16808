// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: an entry file for the command line
// (cli.js) and one for the worker thread (worker.js), with the npm packages they use inlined. A
// fresh `gpu-report run` then reads a few files instead of resolving, reading and compiling some
// 600 modules, which was most of a single scenario's cold start (BENCHMARKS.md).
// Code splitting: each dynamic import() (a command, the HTML renderer with echarts, the workbook
// with exceljs, the PDF's finishing step with pdf-lib) is a file of its own, with the
// code the entries share in chunk files, so a process compiles only what it runs, when it first
// needs it: the command line compiles ~1 MB before it spawns Chromium instead of the whole ~9 MB,
// and the finishing step's 2.6 MB while Chromium prints.
// puppeteer and yargs stay outside: they locate their own files at run time (puppeteer its
// browser, yargs its translations through y18n, read from its own folder). CommonJS packages
// inside the ESM bundle get a `require` from createRequire (the banner, in every file).
// Every file sits two folders below the package root, like every module in dist/<area>/, so
// paths a module resolves from its own location (templates/, schema/) stay right; the worker sits
// beside the other files, as workers/pool.ts expects. The folder is emptied first: chunk names
// carry a hash of their contents, and stale chunks would pile up.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'dist/cli.js', worker: 'dist/workers/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'puppeteer-core', 'yargs', 'yargs/*'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

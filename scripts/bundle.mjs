// Bundles the compiled CLI (dist/, from tsc) into dist/bundle/: one file for the command line and
// one for the worker thread, with the npm packages they use inlined. A fresh `gpu-report run`
// then reads two files instead of resolving, reading and compiling some 600 modules, which was
// most of a single scenario's cold start (BENCHMARKS.md). Modules still load their code lazily:
// esbuild keeps a dynamic import() as a lazily initialised part of the bundle.
// puppeteer and yargs stay outside: they locate their own files at run time (puppeteer its
// browser, yargs its translations through y18n, read from its own folder). CommonJS packages
// inside the ESM bundle get a `require` from createRequire.
// The bundle sits two folders below the package root, like every module in dist/<area>/, so
// paths a module resolves from its own location (templates/, schema/) stay right; the worker sits
// beside the command line's file, as workers/pool.ts expects.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'dist/cli.js', worker: 'dist/workers/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'puppeteer-core', 'yargs', 'yargs/*'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
});

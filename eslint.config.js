// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Node's modules, with or without the node: prefix: the pure core takes everything as arguments. */
const NODE_BUILTINS = {
  group: ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])],
  message: 'The pure core (calc, economics, plan, analyses, report) does no I/O: pass what it needs as arguments.',
};
/** Analyses lay out results: every number comes from plan/ (src/plan/results.ts). */
const NO_CALC = {
  group: ['../calc/*', '../calibration/*'],
  message: 'Analyses only lay out: compute in src/plan/ and read it from results (error bands: results.basis).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'schema/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Only the CLI entry and the logger talk to the terminal (knip's rule).
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/cli.ts', 'src/log.ts', 'scripts/**', 'bench/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  // Layers (CONTRIBUTING.md): the pure core reads nothing from the machine, and analyses only lay
  // out what plan/ computed, so they never call a calculator or read the calibration themselves.
  {
    files: ['src/calc/**', 'src/economics/**', 'src/plan/**', 'src/report/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS] }] },
  },
  {
    files: ['src/analyses/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_BUILTINS, NO_CALC] }] },
  },
);

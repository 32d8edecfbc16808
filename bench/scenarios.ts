/**
 * 200 varied scenarios for the benchmark, deterministic (a seeded generator): models, GPUs,
 * inference and training workloads, currencies and economics, English and Chinese reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GPU_IDS, MODELS } from '../src/catalog/index.ts';

/** Mulberry32: small, fast, seeded; the same set every run (also the queueing test's simulation). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURRENCIES = [
  { currency: 'USD', rate: null },
  { currency: 'EUR', rate: 0.92 },
  { currency: 'CNY', rate: 7.2 },
] as const;
const PROFILES = ['real-time-chat', 'api-service', 'batch-processing'] as const;
const PRECISIONS = ['bf16', 'fp8', 'int8', 'int4'] as const;

export function scenarioText(i: number): string {
  const r = random(1000 + i);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const models = MODELS.filter((m) => m.id !== 'bert-large-uncased');
  const gpus = [...GPU_IDS].sort(() => r() - 0.5).slice(0, 2 + Math.floor(r() * 3));
  const money = pick(CURRENCIES);
  const locale = r() < 0.25 ? 'zh-CN' : 'en';
  const workloads: string[] = [];
  const inference = 1 + Math.floor(r() * 2);
  for (let w = 0; w < inference; w++) {
    const model = pick(models);
    const output = pick([64, 256, 512]);
    // Prompts that fit the model's context window (the rules refuse longer ones).
    const input = pick([256, 1024, 2048, 6000].filter((n) => n + output <= model.maxContextTokens));
    workloads.push(
      `  - { name: serve-${w}, kind: inference, model: ${model.id}, precision: ${pick(PRECISIONS)}, profile: ${pick(PROFILES)}, inputTokens: ${input}, outputTokens: ${output}, concurrency: ${pick([4, 16, 32, 64])} }`,
    );
  }
  if (r() < 0.4) {
    workloads.push(
      `  - { name: tune, kind: training, model: ${pick(['llama-3.1-8b', 'mistral-7b', 'qwen2.5-7b'])}, method: ${pick(['full', 'lora', 'qlora'])}, seqLen: ${pick([2048, 4096])}, tokens: ${pick(['1.0e8', '5.0e8', '2.0e9'])}, deadlineDays: ${pick([3, 7, 14])} }`,
    );
  }
  return [
    'version: 1',
    `name: Benchmark scenario ${i + 1}`,
    `description: Generated for npm run bench (${money.currency}, ${locale}).`,
    `locale: ${locale}`,
    'workloads:',
    ...workloads,
    `candidates: [${gpus.join(', ')}]`,
    'economics:',
    `  currency: ${money.currency}`,
    ...(money.rate ? [`  usdExchangeRate: ${money.rate}`] : []),
    `  electricityPricePerKwh: ${(0.05 + r() * 0.2).toFixed(3)}`,
    `  pue: ${(1.1 + r() * 0.6).toFixed(2)}`,
    `  utilization: ${(0.3 + r() * 0.6).toFixed(2)}`,
    `  horizonMonths: ${pick([12, 24, 36, 48])}`,
    ...(r() < 0.5 ? [`  budget: ${pick([50_000, 250_000, 1_000_000])}`] : []),
    '',
  ].join('\n');
}

/** Writes `count` scenarios into dir (in a few sub-folders, as a real batch would have). */
export function writeScenarios(dir: string, count: number): string[] {
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `team-${i % 4}`, `scenario-${String(i + 1).padStart(3, '0')}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, scenarioText(i));
    files.push(file);
  }
  return files;
}

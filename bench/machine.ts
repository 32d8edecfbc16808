/** What the benchmark ran on: CPU, cores, memory, Node and Chromium versions. */
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { findBrowser } from '../src/render/pdf/browser.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  os: string;
}

export function describeMachine(): Machine {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(findBrowser(), ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    os: `${os.type()} ${os.release()}`,
  };
}

/** Load average over the last minute per core: above ~1 the machine was busy with other work. */
export const loadPerCore = (): number => Math.round((os.loadavg()[0]! / os.availableParallelism()) * 100) / 100;

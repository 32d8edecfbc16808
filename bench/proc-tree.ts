/**
 * Process-tree facts from Linux's /proc: the descendants of a process, and their memory.
 * Used by the benchmark (peak memory of this process plus Chromium's) and by tests that kill
 * the browser. Debian's /usr/bin/chromium-headless-shell is a shell script that starts the
 * real browser as its child, so "the browser process" is a tree, not one pid.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process we can see. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may contain spaces and parentheses: parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

/** Every descendant of `pid` (children, grandchildren, …), not `pid` itself. */
export function descendants(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [child, parent] of parents()) byParent.set(parent, [...(byParent.get(parent) ?? []), child]);
  const out: number[] = [];
  const queue = [...(byParent.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(byParent.get(next) ?? []));
  }
  return out;
}

/** Resident and proportional set size of one process in KiB (PSS splits shared pages fairly). */
export function memoryKiB(pid: number): { rss: number; pss: number } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: field('Rss'), pss: field('Pss') };
  } catch {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      return { rss, pss: rss };
    } catch {
      return { rss: 0, pss: 0 };
    }
  }
}

/** Memory of `pid` and all its descendants, KiB. */
export function treeMemoryKiB(pid: number): { rss: number; pss: number; processes: number } {
  const pids = [pid, ...descendants(pid)];
  let rss = 0;
  let pss = 0;
  for (const p of pids) {
    const m = memoryKiB(p);
    rss += m.rss;
    pss += m.pss;
  }
  return { rss, pss, processes: pids.length };
}

/** SIGKILLs a process and its whole tree, as a crash or the OOM killer would. */
export function killTree(pid: number): void {
  for (const p of [pid, ...descendants(pid)].reverse()) {
    try { process.kill(p, 'SIGKILL'); } catch { /* already gone */ }
  }
}

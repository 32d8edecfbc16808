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

/** Resident set size of one process in KiB, from /proc/<pid>/status (cheap). */
export function rssKiB(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Proportional set size in KiB (shared pages split between the processes sharing them, so a
 * sum over Chromium's processes is not inflated). Costly: the kernel walks the page tables
 * (tens of ms for Chromium's large address space), so sample it rarely.
 */
export function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return rssKiB(pid);
  }
}

/** SIGKILLs a process and its whole tree, as a crash or the OOM killer would. */
export function killTree(pid: number): void {
  for (const p of [pid, ...descendants(pid)].reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

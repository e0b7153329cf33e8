import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
  readonly comm: string;
  readonly ppid: number;
  readonly cpuMs: number;
}

/** Every process's name, parent and CPU milliseconds (user + system) so far, from /proc (Linux; none elsewhere). */
function readProcStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return stats;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name, in parentheses, may contain spaces: split at its closing parenthesis.
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = text.lastIndexOf(') ');
      const fields = text.slice(close + 2).split(' ');
      stats.set(Number(name), { comm: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // The process ended while we read.
    }
  }
  return stats;
}

/** The browser Playwright started from this process: its child named `chromium`. */
export function launchedChromiumPid(): number | undefined {
  for (const [pid, s] of readProcStats()) if (s.ppid === process.pid && s.comm === 'chromium') return pid;
  return undefined;
}

/** CPU milliseconds used so far by a process and all its descendants. */
export function treeCpuMs(rootPid: number): number {
  const stats = readProcStats();
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) {
      if (tree.has(pid) || !tree.has(s.ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let total = 0;
  for (const pid of tree) total += stats.get(pid)?.cpuMs ?? 0;
  return total;
}

/**
 * Wait until a freshly launched browser has finished starting up: its process tree used less than
 * `quietMs` of CPU in the last `windowMs`. Chromium goes on working for a second or more after
 * Playwright's launch returns (a desktop Chromium preloads its omnibox popup, a WebUI page of its
 * own, in a renderer: 1.2–1.5 s of CPU here), and on two cores a page loaded meanwhile measures that.
 */
export async function waitForQuietBrowser(rootPid: number, options: { windowMs?: number; quietMs?: number; timeoutMs?: number } = {}): Promise<{ waitedMs: number; cpuMs: number }> {
  const { windowMs = 500, quietMs = 50, timeoutMs = 15_000 } = options;
  const started = performance.now();
  const first = treeCpuMs(rootPid);
  let last = first;
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = treeCpuMs(rootPid);
    if (now - last < quietMs) return { waitedMs: Math.round(performance.now() - started), cpuMs: now - first };
    last = now;
  }
  return { waitedMs: Math.round(performance.now() - started), cpuMs: last - first };
}

/**
 * Peak resident memory of the browser's renderer processes (the app's page and its workers: JS heaps,
 * WebAssembly memories, the model), sampled from Linux's `/proc` while a measurement runs.
 */
import { readdir, readFile } from 'node:fs/promises';

/** A running sampler. */
export interface MemorySampler {
  /** Stops sampling; resolves to the peak total resident bytes seen. */
  stop(): Promise<number>;
}

/** A `/proc` file's text, or '' when it is gone (the process or thread ended). */
export async function readOr(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}

/** Pids of the descendants of `root` (the browser this Node process launched, and its children). */
async function descendants(root: number): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  const parent = new Map<number, number>();
  for (const pid of pids) {
    // The parent is the 4th field of /proc/PID/stat, after the parenthesised command name.
    const stat = await readOr(`/proc/${pid}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isFinite(ppid)) parent.set(pid, ppid);
  }
  const isDescendant = (pid: number): boolean => {
    for (let up = parent.get(pid); up !== undefined && up > 1; up = parent.get(up))
      if (up === root) return true;
    return false;
  };
  return pids.filter(isDescendant);
}

/** Total resident bytes of the renderer processes under `root`. */
async function rendererBytes(root: number): Promise<number> {
  let total = 0;
  for (const pid of await descendants(root)) {
    if (!(await readOr(`/proc/${pid}/cmdline`)).includes('--type=renderer')) continue;
    const rss = /VmRSS:\s+(\d+) kB/.exec(await readOr(`/proc/${pid}/status`));
    total += rss ? Number(rss[1]) * 1024 : 0;
  }
  return total;
}

/**
 * Starts sampling every `intervalMs` the renderer processes of browsers launched by this process.
 *
 * @example
 * const sampler = sampleRendererMemory(); await indexing; const peakBytes = await sampler.stop();
 */
export function sampleRendererMemory(intervalMs = 250): MemorySampler {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rendererBytes(process.pid));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

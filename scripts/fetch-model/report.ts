/**
 * Prints {@link FetchEvent}s for a person: one line per file with its size, progress in 10 % steps (redrawn in
 * place on a terminal), and retry notices.
 */
import type { FetchEvent } from './fetch';

/** Human-readable size: `512 B`, `4.2 KiB`, `23.6 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1_048_576) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}

/** Returns an event handler that writes to `out` (a terminal gets in-place progress). */
export function createReporter(out: NodeJS.WriteStream): (event: FetchEvent) => void {
  let lastStep = 0;
  const line = (text: string): void => void out.write(out.isTTY ? `\r\x1b[K${text}\n` : `${text}\n`);
  return (event) => {
    switch (event.type) {
      case 'start':
        lastStep = 0;
        line(`${event.file}: downloading${event.total === undefined ? '' : ` ${formatBytes(event.total)}`}`);
        break;
      case 'progress': {
        const step = event.total ? Math.floor((event.loaded / event.total) * 10) : -1;
        if (step <= lastStep || step >= 10) break;
        lastStep = step;
        const text = `  ${event.file}: ${step * 10}% (${formatBytes(event.loaded)})`;
        out.write(out.isTTY ? `\r\x1b[K${text}` : `${text}\n`);
        break;
      }
      case 'retry':
        line(
          `${event.file}: attempt ${event.attempt} of ${event.attempts} failed: ${event.reason}; ` +
            `retrying in ${event.delayMs / 1000} s`,
        );
        break;
      case 'file': {
        const { file, status, bytes } = event.outcome;
        if (status === 'absent') line(`${file}: not on the hub (optional), skipped`);
        else if (status === 'skipped') line(`${file}: already complete (${formatBytes(bytes)}), skipped`);
        else line(`${file}: done (${formatBytes(bytes)})`);
        break;
      }
    }
  };
}

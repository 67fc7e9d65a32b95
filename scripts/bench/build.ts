/**
 * Makes sure the bench has something current to serve: the test models exist and `dist/` was built after
 * the last change to anything that goes into it.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateTestModels } from '../test-models/generate';

/** Files and folders whose changes make `dist/` stale (models included: they are copied from `public/`). */
const BUILD_INPUTS = [
  'index.html',
  'bench.html',
  'vite.config.ts',
  'package-lock.json',
  'src',
  'workers',
  'public',
  'scripts',
];

/** Node-only code under the inputs above that never reaches the bundle. */
const NOT_BUNDLED = ['scripts/bench'];

/** Pages the bench opens; a build without them is stale too. */
const BUILD_OUTPUTS = ['dist/index.html', 'dist/bench.html'];

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of a file, or of any file under a folder (skipping {@link NOT_BUNDLED}). */
async function newest(root: string, input: string): Promise<number> {
  const path = join(root, input);
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const skipped = NOT_BUNDLED.map((folder) => join(root, folder));
  let latest = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !skipped.some((folder) => file.startsWith(`${folder}/`))) {
      latest = Math.max(latest, (await mtime(file)) ?? 0);
    }
  }
  return latest;
}

function viteBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout goes to stderr: the bench's stdout carries only its report.
    const child = spawn('npx', ['vite', 'build'], {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

/**
 * Generates missing or stale test models, then runs `vite build` when `dist/` is missing, lacks the bench
 * page or is older than its inputs.
 *
 * @example
 * await ensureBuild('/work/main', (line) => console.error(line));
 */
export async function ensureBuild(root: string, log: (line: string) => void): Promise<void> {
  await generateTestModels({ log });
  const built = await Promise.all(BUILD_OUTPUTS.map((file) => mtime(join(root, file))));
  const builtAt = Math.min(...built.map((time) => time ?? 0));
  const changedAt = Math.max(...(await Promise.all(BUILD_INPUTS.map((input) => newest(root, input)))));
  if (builtAt > changedAt) {
    log('dist/ is up to date');
    return;
  }
  log(
    builtAt === 0
      ? 'dist/ is missing or has no bench page: building'
      : 'dist/ is older than its sources: building',
  );
  await viteBuild(root);
}

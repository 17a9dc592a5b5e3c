// Starts `wrangler dev` for the edge app and waits until it answers. Used by `npm start` and the
// edge benchmark. Plain Node ESM: it runs before anything is compiled.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WRANGLER = path.join(REPO_ROOT, 'node_modules/.bin/wrangler');

/** Applies functions/migrations to the local D1 database kept under `persistTo`. */
export function applyMigrations(persistTo) {
  const result = spawnSync(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0) throw new Error(`wrangler d1 migrations apply failed (exit ${result.status})`);
}

async function waitUntilUp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/v1/models`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * `vars` are passed as `--var`; PUBLIC_ORIGIN defaults to the address listened on, so the links the
 * Worker hands out point back at this server.
 *
 * @param {{ port: number, persistTo: string, vars?: Record<string, string>, quiet?: boolean }} options
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startDevServer({ port, persistTo, vars = {}, quiet = false }) {
  applyMigrations(persistTo);
  const url = `http://127.0.0.1:${port}`;
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, '--show-interactive-dev-session=false'];
  for (const [key, value] of Object.entries({ PUBLIC_ORIGIN: url, ...vars })) args.push('--var', `${key}:${value}`);
  const child = spawn(WRANGLER, args, { cwd: REPO_ROOT, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  await waitUntilUp(url, child, 120_000);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, child, stop };
}

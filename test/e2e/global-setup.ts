/**
 * Builds the site, starts the local Worker (site + API on one origin) on a free port with a
 * throw-away state directory, and stops it after the e2e run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, worker: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) throw new Error(`wrangler dev exited with ${worker.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The local Worker did not answer ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    // No silent skip: the browser tests are part of the suite. `npm test` installs Chromium first.
    throw new Error(`e2e: no Chromium at ${chromium}. Run \`bash bin/ensure-chromium.sh\` (Debian's chromium package) or set CHROMIUM_PATH.`);
  }
  run('node', ['bin/prepare-models.js', '--if-missing']);
  if (!process.env.E2E_SKIP_BUILD) run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  const state = mkdtempSync(join(tmpdir(), 'gradlens-e2e-'));
  run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'gradlens', '--local', '--persist-to', state]);
  const port = await freePort();
  // PUBLIC_ORIGIN: the links in results (share link, images) point at this server.
  const worker = spawn('npx', ['wrangler', 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--var', `PUBLIC_ORIGIN:http://127.0.0.1:${port}`, '--show-interactive-dev-session=false'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
    detached: true,
  });
  let log = '';
  worker.stdout!.on('data', (chunk) => (log += chunk));
  worker.stderr!.on('data', (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/api/v1/health`, worker, 120_000);
  } catch (error) {
    process.kill(-worker.pid!, 'SIGTERM');
    throw new Error(`${(error as Error).message}\n${log.slice(-4000)}`);
  }
  project.provide('baseUrl', baseUrl);
  return () => {
    // wrangler starts workerd as a child: end the whole process group we started.
    try {
      process.kill(-worker.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  };
}

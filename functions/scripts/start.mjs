// `npm start`: prepare the model files if missing, build the site, then serve site + models + API with
// `wrangler dev` on 127.0.0.1:$PORT (default 8787), local D1/R2 state persisted in .wrangler/state.
// Links in results point at that address; PUBLIC_ORIGIN=https://… npm start names another (a tunnel).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startDevServer } from './dev-server.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function copyTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyTree(source, path.join(to, name));
    else copyFileSync(source, path.join(to, name));
  }
}

/** Until the site's build exists: a one-line page plus the prepared model files, so the API works. */
function placeholderSite() {
  const dist = path.join(REPO_ROOT, 'web/dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>gradlens</title><p>The site is not built yet; the API is at <a href="/api">/api</a>.</p>\n');
  const models = path.join(REPO_ROOT, 'web/public/models');
  if (existsSync(models)) copyTree(models, path.join(dist, 'models'));
}

run(process.execPath, ['bin/prepare-models.js', '--if-missing']);
const scripts = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts ?? {};
if (scripts['build:web'] && existsSync(path.join(REPO_ROOT, 'web/vite.config.ts'))) run('npm', ['run', '--silent', 'build:web']);
else placeholderSite();

const port = Number(process.env.PORT ?? 8787);
const vars = process.env.PUBLIC_ORIGIN ? { PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN } : {};
const server = await startDevServer({ port, persistTo: path.join(REPO_ROOT, '.wrangler/state'), vars });
console.log(`gradlens: site ${server.url}/  API ${server.url}/api`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.stop().then(() => process.exit(0)));
server.child.on('exit', (code) => process.exit(code ?? 0));

// `npm start`: checks Node, builds what is missing or stale (Prisma client, web client), then runs the
// server in this same process — no child — so a signal sent to it (systemd, Docker, a process manager,
// Ctrl-C) reaches the server, which closes the database and releases its lock. `npm start` runs it
// with `exec`, so npm's own process forwards the signal straight here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tty = Boolean(process.stdout.isTTY);

/** A line for the operator: plain in a terminal, a JSON log line (pino's shape) otherwise. */
function say(msg, level = 'info') {
  if (tty) console.log(msg);
  else console.log(JSON.stringify({ level: level === 'error' ? 50 : 30, time: new Date().toISOString(), msg }));
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12) || major === 21 || major === 23) {
  say(`internat-match needs Node.js 20.19+, 22.12+ or 24+ (this is ${process.versions.node}).`, 'error');
  process.exit(1);
}

const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

if (!existsSync(path.join(root, 'server/generated/prisma/client.ts'))) {
  const t0 = performance.now();
  say('generating the Prisma client…');
  const r = spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  say(`generating the Prisma client: done in ${seconds(t0)}`);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Runs `vite build`, with a live timer in a terminal; a signal meanwhile stops the build and exits. */
function buildClient() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const first = !existsSync(path.join(root, 'dist/client'));
    say(`building the web client${first ? ' (first start: about half a minute)' : ' (sources changed)'}…`);
    const child = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const ticker = tty ? setInterval(() => process.stdout.write(`\r  … ${seconds(t0)}`), 1000) : undefined;
    const onSignal = (sig) => {
      child.kill(sig);
      say(`${sig} received: web client build stopped`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, onSignal);
    child.on('exit', (code) => {
      if (ticker) {
        clearInterval(ticker);
        process.stdout.write('\r\x1b[K');
      }
      for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(sig, onSignal);
      if (code === 0) {
        say(`building the web client: done in ${seconds(t0)}`);
        resolve();
      } else reject(new Error(`the web client build failed (exit code ${code})`));
    });
  });
}

const clientDir = path.join(root, 'client');
const built = path.join(root, 'dist/client/index.html');
if (existsSync(path.join(clientDir, 'index.html'))) {
  const stale = !existsSync(built) || Math.max(newest(clientDir), statSync(path.join(root, 'vite.config.ts')).mtimeMs) > statSync(built).mtimeMs;
  if (stale) {
    try {
      await buildClient();
    } catch (err) {
      say(err.message, 'error');
      process.exit(1);
    }
  }
}

// TypeScript in process: tsx's loader, then the server's entry point (compiling it takes a few
// seconds on a first start, so say so).
say('loading the server…');
const { register } = await import('tsx/esm/api');
register();
await import('../server/index.ts');

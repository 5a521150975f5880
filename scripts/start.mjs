// `npm start`: builds what is missing or stale (Prisma client, web client), then
// runs the server. Signals are forwarded so the server can close its database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(path.join(root, 'server/generated/prisma/client.ts'))) {
  run(process.execPath, ['scripts/prisma-generate.mjs']);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const clientDir = path.join(root, 'client');
const built = path.join(root, 'dist/client/index.html');
if (existsSync(path.join(clientDir, 'index.html'))) {
  const stale = !existsSync(built) || newest(clientDir) > statSync(built).mtimeMs;
  if (stale) {
    console.log('Building the web client…');
    run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

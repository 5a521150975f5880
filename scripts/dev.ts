/**
 * `npm run dev`: the API server reloading on change (`tsx watch server/index.ts`)
 * and the Vite dev server with hot module replacement, which proxies /api and /ors
 * to it. Ctrl-C stops both; if either dies, the other is stopped too.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const apiPort = process.env.PORT ?? '3000';
process.env.API_PORT = apiPort;

const api = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'server/index.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: apiPort, NODE_ENV: process.env.NODE_ENV ?? 'development' },
});

const vite = await createServer({ configFile: path.join(root, 'vite.config.ts') });
await vite.listen();
vite.printUrls();
console.log(`API on http://localhost:${apiPort} (proxied by Vite under /api and /ors)`);

let stopping = false;
/** Stops Vite, then the API: Ctrl-C already reached it (same process group), so it gets a few seconds before SIGTERM. */
async function stop(code: number, fromSignal = false): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  if (api.exitCode === null && api.signalCode === null) {
    const exited = new Promise<void>((resolve) => api.once('exit', () => resolve()));
    if (!fromSignal) api.kill('SIGTERM');
    const timer = setTimeout(() => api.kill('SIGTERM'), 5000);
    await exited;
    clearTimeout(timer);
  }
  process.exit(code);
}

api.on('exit', (code) => {
  if (!stopping) {
    console.error(`API server exited (${code ?? 'signal'}): stopping the dev server`);
    void stop(code ?? 1);
  }
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void stop(0, sig === 'SIGINT'));

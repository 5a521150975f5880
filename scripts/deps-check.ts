/**
 * `npm run deps:check`: what the project depends on, checked offline first.
 *  1. Inventory: every package of package-lock.json (name@version, and whether it is dev-only) is
 *     compared with the reviewed inventory committed in `deps-inventory.txt`; any package added,
 *     removed or changed fails the check until the inventory is re-recorded (`-- --update`) and
 *     reviewed in the diff.
 *  2. Installed tree: `npm ls --all --json` (no network) must report no missing, invalid or
 *     extraneous package, so what runs is what the lock file says.
 *  3. Known vulnerabilities: `npm audit --json`, when the registry answers it. Here it refuses the bulk
 *     advisory endpoint (405); the check then says so and does not fail (the two offline checks stand).
 * Prints one JSON line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const inventoryFile = path.join(root, 'deps-inventory.txt');
const update = process.argv.includes('--update');
const say = (line: string) => console.error(line);

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; dev?: boolean; link?: boolean }> };
const inventory = Object.entries(lock.packages)
  .filter(([p, info]) => p.startsWith('node_modules/') && info.version && !info.link)
  .map(([p, info]) => `${p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version}${info.dev ? ' dev' : ''}`)
  .filter((line, i, all) => all.indexOf(line) === i)
  .sort();

let added: string[] = [];
let removed: string[] = [];
if (update || !existsSync(inventoryFile)) {
  writeFileSync(inventoryFile, `${inventory.join('\n')}\n`);
  say(`recorded ${inventory.length} packages in deps-inventory.txt: review the diff`);
} else {
  const recorded = new Set(readFileSync(inventoryFile, 'utf8').split('\n').filter(Boolean));
  const now = new Set(inventory);
  added = inventory.filter((l) => !recorded.has(l));
  removed = [...recorded].filter((l) => !now.has(l));
  for (const l of added) say(`+ ${l} (not in the reviewed inventory)`);
  for (const l of removed) say(`- ${l} (in the inventory, gone from the lock file)`);
}

// The installed tree against the lock file, offline.
const ls = spawnSync('npm', ['ls', '--all', '--json', '--offline'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const problems: string[] = (() => {
  try {
    return (JSON.parse(ls.stdout) as { problems?: string[] }).problems ?? [];
  } catch {
    return [`npm ls did not answer JSON: ${ls.stderr.slice(0, 300)}`];
  }
})();
for (const p of problems) say(`installed tree: ${p}`);

// Known vulnerabilities, when the registry answers.
let audit: { reachable: boolean; high: number; critical: number; note?: string } = { reachable: false, high: 0, critical: 0 };
try {
  const out = execFileSync('npm', ['audit', '--json', '--omit=dev'], { cwd: root, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const v = JSON.parse(out).metadata?.vulnerabilities ?? {};
  audit = { reachable: true, high: v.high ?? 0, critical: v.critical ?? 0 };
} catch (err) {
  const out = String((err as { stdout?: string }).stdout ?? '');
  try {
    const parsed = JSON.parse(out);
    if (parsed.metadata?.vulnerabilities) {
      audit = { reachable: true, high: parsed.metadata.vulnerabilities.high ?? 0, critical: parsed.metadata.vulnerabilities.critical ?? 0 };
    } else audit.note = String(parsed.message ?? parsed.error?.summary ?? 'no answer').slice(0, 200);
  } catch {
    audit.note = 'npm audit did not answer';
  }
}
say(audit.reachable ? `npm audit: ${audit.high} high, ${audit.critical} critical` : `npm audit unreachable (${audit.note}): known-vulnerability check skipped; the offline checks stand`);

const failed = added.length > 0 || removed.length > 0 || problems.length > 0 || audit.high + audit.critical > 0;
console.log(JSON.stringify({ check: 'deps', packages: inventory.length, added: added.length, removed: removed.length, treeProblems: problems.length, audit, ok: !failed }));
if (failed) process.exitCode = 1;

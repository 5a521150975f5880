/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time and
 * the packages (node_modules/<name>, or our own files) they belong to, so a hot path is read from a
 * measure rather than guessed. `npx tsx bench/support/cpu-profile-summary.ts FILE.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function and per package, in per cent of the profile's samples. */
export function summariseProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top = 25, lastSeconds = Infinity): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times: number[] = [];
  let t = 0;
  for (const d of profile.timeDeltas) times.push((t += d));
  const from = t - lastSeconds * 1e6;
  const kept = profile.samples.filter((_, i) => times[i] >= from);
  const counts = new Map<number, number>();
  for (const s of kept) counts.set(s, (counts.get(s) ?? 0) + 1);
  const total = kept.length || 1;
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, c] of counts) {
    const f = byId.get(id)!.callFrame;
    const where = f.url.replace(/^file:\/\//, '');
    const pkg = where.includes('node_modules/') ? where.split('node_modules/').pop()!.split('/').slice(0, where.includes('node_modules/@') ? 2 : 1).join('/') : where.includes('/server/') ? 'server/' + where.split('/server/').pop()!.split('/')[0] : where ? 'node:' + where.split('/').pop() : f.functionName || '(native)';
    const fn = `${f.functionName || '(anonymous)'} ${where.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    fns.set(fn, (fns.get(fn) ?? 0) + c);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + c);
  }
  const fmt = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `${total} samples\n-- by package --\n${fmt(pkgs)}\n-- by function (self) --\n${fmt(fns)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opt = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : def;
  };
  console.log(summariseProfile(JSON.parse(readFileSync(process.argv[2], 'utf8')), opt('top', 25), opt('last', Infinity)));
}

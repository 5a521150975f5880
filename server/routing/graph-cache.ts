import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingGraph } from './routing-graph.ts';

const MAGIC = 'IMRGRAPH';
const LAYOUT = 7;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Every typed array of a routing graph, in file order (`ch.` for the hierarchy's). */
const ARRAYS = [
  'lng', 'lat', 'nodeJunction', 'edgeA', 'edgeB', 'edgeFlags', 'edgeDist', 'edgeDur', 'edgeWeight', 'edgeName', 'geomFirst', 'geomLng', 'geomLat',
  'firstOut', 'arcHead', 'arcKey', 'keyHead', 'keyTailFirst', 'keyTail',
  'ch.first', 'ch.head', 'ch.dir', 'ch.weight', 'ch.dur', 'ch.dist',
] as const;
type Typed = Float64Array | Float32Array | Uint32Array | Uint8Array;
const CTORS = { Float64Array, Float32Array, Uint32Array, Uint8Array } as const;

/** Streams a file through sha256; the cache key must change whenever the extract does. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

let codeHash: string | undefined;

/**
 * Hash of the code that turns an extract into a graph (profile, importer, graph builder,
 * hierarchy, this file's layout): any change to it gives new cache keys, so a stale graph is never
 * read, without anyone remembering to bump a version.
 */
export function graphCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256').update(`layout ${LAYOUT}`);
  const files = ['geo', 'osm', 'graph', 'ch']
    .flatMap((dir) => readdirSync(path.join(here, dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => path.join(dir, f)))
    .concat(['routing-graph.ts', 'graph-cache.ts'])
    .sort();
  for (const f of files) hash.update(f).update(readFileSync(path.join(here, f)));
  codeHash = hash.digest('hex').slice(0, 12);
  return codeHash;
}

/** Where the graph built from a source with this checksum, by this code, lives. */
export function graphCachePath(cacheDir: string, sourceSha256: string): string {
  return path.join(cacheDir, `${sourceSha256.slice(0, 32)}-${graphCodeHash()}.graph`);
}

function getArray(g: RoutingGraph, name: (typeof ARRAYS)[number]): Typed {
  return name.startsWith('ch.') ? (g.ch as unknown as Record<string, Typed>)[name.slice(3)] : (g as unknown as Record<string, Typed>)[name];
}

/** Writes the graph as one binary file (atomic rename), aligned so loading needs no copy. */
export function writeGraphCache(file: string, g: RoutingGraph, meta: Record<string, unknown> = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const entries: { name: string; type: string; length: number; offset: number }[] = [];
  let offset = 0;
  for (const name of ARRAYS) {
    const a = getArray(g, name);
    entries.push({ name, type: a.constructor.name, length: a.length, offset });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ layout: LAYOUT, nodeCount: g.nodeCount, edgeCount: g.edgeCount, names: g.names, entries, meta }));
  const headerLen = Math.ceil((16 + header.length) / 8) * 8;
  const out = Buffer.alloc(headerLen + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(LAYOUT, 8);
  out.writeUInt32LE(header.length, 12);
  header.copy(out, 16);
  for (const e of entries) {
    const a = getArray(g, e.name as (typeof ARRAYS)[number]);
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, headerLen + e.offset);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, file);
  removeOtherBuilds(file);
}

/** Graphs of the same extract built by other code are dead weight once the new one is written. */
function removeOtherBuilds(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const prefix = base.slice(0, 33);
  for (const f of readdirSync(dir)) if (f !== base && f.startsWith(prefix) && f.endsWith('.graph')) rmSync(path.join(dir, f), { force: true });
}

/** Reads a cached graph, or `undefined` when absent or not of this layout. */
export function readGraphCache(file: string): { graph: RoutingGraph; meta: Record<string, unknown> } | undefined {
  if (!existsSync(file)) return undefined;
  const raw = readFileSync(file);
  if (raw.toString('latin1', 0, 8) !== MAGIC || raw.readUInt32LE(8) !== LAYOUT) return undefined;
  const headerLength = raw.readUInt32LE(12);
  const header = JSON.parse(raw.toString('utf8', 16, 16 + headerLength)) as {
    nodeCount: number;
    edgeCount: number;
    names: string[];
    entries: { name: string; type: keyof typeof CTORS; length: number; offset: number }[];
    meta: Record<string, unknown>;
  };
  const base = Math.ceil((16 + headerLength) / 8) * 8;
  // readFileSync may hand back a pooled, unaligned buffer for small files: copy once if so.
  const buf = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw);
  const graph = { nodeCount: header.nodeCount, edgeCount: header.edgeCount, names: header.names, ch: {} } as unknown as Record<string, unknown> & { ch: Record<string, unknown> };
  for (const e of header.entries) {
    const Ctor = CTORS[e.type];
    const arr = new Ctor(buf.buffer, buf.byteOffset + base + e.offset, e.length);
    if (e.name.startsWith('ch.')) graph.ch[e.name.slice(3)] = arr;
    else graph[e.name] = arr;
  }
  return { graph: graph as unknown as RoutingGraph, meta: header.meta };
}

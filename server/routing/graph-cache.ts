import { createHash } from 'node:crypto';
import { closeSync, createReadStream, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingGraph } from './routing-graph.ts';

const MAGIC = 'IMRGRAPH';
const LAYOUT = 8;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Every typed array of a routing graph, in file order (`ch.` for the hierarchy's). */
const ARRAYS = [
  'lng', 'lat', 'nodeJunction', 'edgeA', 'edgeB', 'edgeFlags', 'edgeDist', 'edgeDur', 'edgeWeight', 'edgeName', 'geomFirst', 'geomLng', 'geomLat',
  'firstOut', 'arcHead', 'arcKey', 'keyHead', 'keyTailFirst', 'keyTail',
  'ch.first', 'ch.head', 'ch.dir', 'ch.weight', 'ch.dur', 'ch.dist',
] as const;
type Typed = Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array;
const CTORS = { Float64Array, Float32Array, Uint32Array, Uint16Array, Uint8Array } as const;
type Entry = { name: string; type: keyof typeof CTORS; length: number; offset: number; sameAs?: string };

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

/**
 * Writes the graph as one binary file (atomic rename), each array 8-byte aligned. An array that is
 * the very same object as an earlier one (`edgeWeight` = `edgeDur` without route-choice penalties)
 * is stored once and named `sameAs` it.
 */
export function writeGraphCache(file: string, g: RoutingGraph, meta: Record<string, unknown> = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const entries: Entry[] = [];
  const stored = new Map<Typed, string>();
  let offset = 0;
  for (const name of ARRAYS) {
    const a = getArray(g, name);
    const sameAs = stored.get(a);
    entries.push({ name, type: a.constructor.name as keyof typeof CTORS, length: a.length, offset: sameAs ? -1 : offset, ...(sameAs ? { sameAs } : {}) });
    if (sameAs) continue;
    stored.set(a, name);
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ layout: LAYOUT, nodeCount: g.nodeCount, edgeCount: g.edgeCount, names: g.names, entries, meta }));
  const headerLen = Math.ceil((16 + header.length) / 8) * 8;
  const head = Buffer.alloc(headerLen);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(LAYOUT, 8);
  head.writeUInt32LE(header.length, 12);
  header.copy(head, 16);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, head, 0);
    for (const e of entries) {
      if (e.sameAs) continue;
      const a = getArray(g, e.name as (typeof ARRAYS)[number]);
      writeAll(fd, new Uint8Array(a.buffer, a.byteOffset, a.byteLength), headerLen + e.offset);
    }
    if (offset > 0) ftruncateSync(fd, headerLen + offset);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  removeOtherBuilds(file);
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 30), position + done);
}

function readAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) {
    const n = readSync(fd, bytes, done, Math.min(bytes.length - done, 1 << 30), position + done);
    if (n === 0) throw new Error('graph cache file is truncated');
    done += n;
  }
}

/** Graphs of the same extract built by other code are dead weight once the new one is written. */
function removeOtherBuilds(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const prefix = base.slice(0, 33);
  for (const f of readdirSync(dir)) if (f !== base && f.startsWith(prefix) && f.endsWith('.graph')) rmSync(path.join(dir, f), { force: true });
}

/**
 * Reads a cached graph, or `undefined` when absent or not of this layout. Each array is read
 * straight into its own SharedArrayBuffer (no whole-file buffer kept alive, and worker threads can
 * share the arrays as they are).
 */
export function readGraphCache(file: string): { graph: RoutingGraph; meta: Record<string, unknown> } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    // Absent, or removed since (another build of the same extract replaces it): not cached.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const start = Buffer.alloc(16);
    if (readSync(fd, start, 0, 16, 0) < 16 || start.toString('latin1', 0, 8) !== MAGIC || start.readUInt32LE(8) !== LAYOUT) return undefined;
    const headerLength = start.readUInt32LE(12);
    const headerBytes = Buffer.alloc(headerLength);
    readAll(fd, headerBytes, 16);
    const header = JSON.parse(headerBytes.toString('utf8')) as {
      nodeCount: number;
      edgeCount: number;
      names: string[];
      entries: Entry[];
      meta: Record<string, unknown>;
    };
    const base = Math.ceil((16 + headerLength) / 8) * 8;
    const graph = { nodeCount: header.nodeCount, edgeCount: header.edgeCount, names: header.names, ch: {} } as unknown as Record<string, unknown> & { ch: Record<string, unknown> };
    const arrays = new Map<string, Typed>();
    for (const e of header.entries) {
      let arr = e.sameAs ? arrays.get(e.sameAs) : undefined;
      if (!arr) {
        const Ctor = CTORS[e.type] as unknown as { new (buffer: SharedArrayBuffer): Typed; BYTES_PER_ELEMENT: number };
        arr = new Ctor(new SharedArrayBuffer(e.length * Ctor.BYTES_PER_ELEMENT));
        readAll(fd, new Uint8Array(arr.buffer, 0, arr.byteLength), base + e.offset);
      }
      arrays.set(e.name, arr);
      if (e.name.startsWith('ch.')) graph.ch[e.name.slice(3)] = arr;
      else graph[e.name] = arr;
    }
    return { graph: graph as unknown as RoutingGraph, meta: header.meta };
  } finally {
    closeSync(fd);
  }
}

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RoadGraph } from './road-graph.ts';

/**
 * Bump whenever the graph layout, the car profile or the hierarchy changes: old cache files are
 * then ignored and rebuilt instead of being misread.
 */
export const FORMAT_VERSION = 4;

const MAGIC = 'IMRGRAPH';
type ArrayName = Exclude<keyof RoadGraph, 'nodeCount' | 'ch'> | `ch.${keyof RoadGraph['ch']}`;
const ARRAYS: ArrayName[] = [
  'lng', 'lat', 'segA', 'segB', 'segDir', 'segDur', 'segDist', 'firstOut', 'arcHead', 'arcSeg',
  'ch.upFirst', 'ch.upHead', 'ch.upDur', 'ch.upDist', 'ch.downFirst', 'ch.downHead', 'ch.downDur', 'ch.downDist',
];
type Typed = Float64Array | Float32Array | Uint32Array | Uint8Array;
const CTORS = { Float64Array, Float32Array, Uint32Array, Uint8Array } as const;

/** Streams a file through sha256; the cache key must change whenever the extract does. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Where the graph built from a source with this checksum lives. */
export function graphCachePath(cacheDir: string, sourceSha256: string): string {
  return path.join(cacheDir, `${sourceSha256.slice(0, 32)}-v${FORMAT_VERSION}.graph`);
}

function getArray(g: RoadGraph, name: ArrayName): Typed {
  return name.startsWith('ch.') ? (g.ch as unknown as Record<string, Typed>)[name.slice(3)] : (g as unknown as Record<string, Typed>)[name];
}

/** Writes the graph as one binary file (atomic rename), aligned so loading needs no copy. */
export function writeGraphCache(file: string, g: RoadGraph, meta: Record<string, unknown> = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const entries: { name: string; type: string; length: number; offset: number }[] = [];
  let offset = 0;
  for (const name of ARRAYS) {
    const a = getArray(g, name);
    entries.push({ name, type: a.constructor.name, length: a.length, offset });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const header = Buffer.from(JSON.stringify({ version: FORMAT_VERSION, nodeCount: g.nodeCount, entries, meta }));
  const headerLen = Math.ceil((16 + header.length) / 8) * 8;
  const out = Buffer.alloc(headerLen + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 8);
  out.writeUInt32LE(header.length, 12);
  header.copy(out, 16);
  for (const e of entries) {
    const a = getArray(g, e.name as ArrayName);
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, headerLen + e.offset);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, file);
  removeOtherVersions(file);
}

/** Graphs of the same extract in older formats are dead weight once the new one is written. */
function removeOtherVersions(file: string): void {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const prefix = base.slice(0, base.lastIndexOf('-v') + 2);
  for (const f of readdirSync(dir)) if (f !== base && f.startsWith(prefix) && f.endsWith('.graph')) rmSync(path.join(dir, f), { force: true });
}

/** Reads a cached graph, or `undefined` when absent or written by another format version. */
export function readGraphCache(file: string): { graph: RoadGraph; meta: Record<string, unknown> } | undefined {
  if (!existsSync(file)) return undefined;
  const raw = readFileSync(file);
  if (raw.toString('latin1', 0, 8) !== MAGIC || raw.readUInt32LE(8) !== FORMAT_VERSION) return undefined;
  const headerLength = raw.readUInt32LE(12);
  const header = JSON.parse(raw.toString('utf8', 16, 16 + headerLength)) as {
    nodeCount: number;
    entries: { name: string; type: keyof typeof CTORS; length: number; offset: number }[];
    meta: Record<string, unknown>;
  };
  const base = Math.ceil((16 + headerLength) / 8) * 8;
  // readFileSync may hand back a pooled, unaligned buffer for small files: copy once if so.
  const buf = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw);
  const graph = { nodeCount: header.nodeCount, ch: {} } as unknown as Record<string, unknown> & { ch: Record<string, unknown> };
  for (const e of header.entries) {
    const Ctor = CTORS[e.type];
    const arr = new Ctor(buf.buffer, buf.byteOffset + base + e.offset, e.length);
    if (e.name.startsWith('ch.')) graph.ch[e.name.slice(3)] = arr;
    else graph[e.name] = arr;
  }
  return { graph: graph as unknown as RoadGraph, meta: header.meta };
}

import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PbfReader } from 'pbf';

/** A way as the importer needs it: node references and tags, nothing else. */
export interface OsmWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

/** A relation member: `type` is 0 node, 1 way, 2 relation, as in the PBF format. */
export interface OsmMember {
  type: 0 | 1 | 2;
  ref: number;
  role: string;
}

/** A relation as the importer needs it (turn restrictions). */
export interface OsmRelation {
  id: number;
  tags: Record<string, string>;
  members: OsmMember[];
}

/** Tags of one node, by its position in the block's `nodeIds`. */
export interface OsmNodeTags {
  index: number;
  tags: Record<string, string>;
}

/** What one primitive block yields; empty arrays when the caller did not ask for that kind. */
export interface OsmBlock {
  /** Dense and plain nodes: ids and coordinates in degrees, parallel arrays. */
  nodeIds: number[];
  lats: number[];
  lngs: number[];
  /** Nodes carrying at least one tag whose key the caller asked for (`nodeTagKeys`). */
  nodeTags: OsmNodeTags[];
  ways: OsmWay[];
  relations: OsmRelation[];
}

/** Which primitives to decode; skipping the others keeps each pass cheap. */
export interface ReadOptions {
  nodes?: boolean;
  /** With `nodes`: keep the tags of nodes that carry one of these keys (barriers, fords…). */
  nodeTagKeys?: ReadonlySet<string>;
  ways?: boolean;
  relations?: boolean;
  /** Called after each blob with bytes read so far and the file size, for progress bars. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const decoder = new TextDecoder();

/**
 * Streams an OSM PBF file blob by blob (one decompressed block in memory at a time), so a
 * regional extract of hundreds of megabytes imports with bounded memory.
 */
export function* readOsmPbf(file: string, options: ReadOptions = {}): Generator<OsmBlock> {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    let pos = 0;
    const lenBuf = Buffer.alloc(4);
    while (pos < total) {
      if (readSync(fd, lenBuf, 0, 4, pos) !== 4) throw new Error(`${file}: truncated blob length at byte ${pos}`);
      const headerLen = lenBuf.readUInt32BE(0);
      pos += 4;
      const headerBuf = readExactly(fd, headerLen, pos, file);
      pos += headerLen;
      const header = readBlobHeader(headerBuf);
      const blobBuf = readExactly(fd, header.datasize, pos, file);
      pos += header.datasize;
      // OSMHeader and unknown blob types carry no primitives: the format lets readers skip them.
      if (header.type === 'OSMData') yield readPrimitiveBlock(decodeBlob(blobBuf, file), options);
      options.onProgress?.(pos, total);
    }
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, length: number, position: number, file: string): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error(`${file}: truncated PBF at byte ${position + done}`);
    done += n;
  }
  return buf;
}

function readBlobHeader(buf: Uint8Array): { type: string; datasize: number } {
  return new PbfReader(buf).readFields(
    (tag, h: { type: string; datasize: number }, pbf) => {
      if (tag === 1) h.type = pbf.readString();
      else if (tag === 3) h.datasize = pbf.readVarint();
    },
    { type: '', datasize: 0 },
  );
}

function decodeBlob(buf: Uint8Array, file: string): Uint8Array {
  const blob = new PbfReader(buf).readFields(
    (tag, b: { raw?: Uint8Array; zlib?: Uint8Array; other?: number }, pbf) => {
      if (tag === 1) b.raw = pbf.readBytes();
      else if (tag === 3) b.zlib = pbf.readBytes();
      else if (tag >= 4 && tag <= 7) b.other = tag;
    },
    {},
  );
  if (blob.raw) return blob.raw;
  if (blob.zlib) return inflateSync(blob.zlib);
  throw new Error(`${file}: unsupported PBF blob compression (field ${blob.other}); re-export with zlib (osmium cat -f pbf)`);
}

interface BlockState {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: Uint8Array[];
}

function readPrimitiveBlock(data: Uint8Array, options: ReadOptions): OsmBlock {
  const pbf = new PbfReader(data);
  const st: BlockState = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] };
  pbf.readFields((tag, s: BlockState, p) => {
    if (tag === 1) {
      p.readMessage((t, arr: string[], q) => {
        if (t === 1) arr.push(decoder.decode(q.readBytes()));
      }, s.strings);
    } else if (tag === 2) s.groups.push(p.readBytes());
    else if (tag === 17) s.granularity = p.readVarint();
    else if (tag === 19) s.latOffset = p.readVarint(true);
    else if (tag === 20) s.lonOffset = p.readVarint(true);
  }, st);
  const out: OsmBlock = { nodeIds: [], lats: [], lngs: [], nodeTags: [], ways: [], relations: [] };
  for (const g of st.groups) {
    new PbfReader(g).readFields((tag, o: OsmBlock, p) => {
      if (tag === 2 && options.nodes) readDense(p, st, o, options.nodeTagKeys);
      else if (tag === 1 && options.nodes) readNode(p, st, o, options.nodeTagKeys);
      else if (tag === 3 && options.ways) o.ways.push(readWay(p, st));
      else if (tag === 4 && options.relations) o.relations.push(readRelation(p, st));
    }, out);
  }
  return out;
}

function readDense(p: PbfReader, st: BlockState, o: OsmBlock, wanted: ReadonlySet<string> | undefined): void {
  const ids: number[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const keysVals: number[] = [];
  p.readMessage((tag, _: null, q) => {
    if (tag === 1) q.readPackedSVarint(ids);
    else if (tag === 8) q.readPackedSVarint(lats);
    else if (tag === 9) q.readPackedSVarint(lons);
    else if (tag === 10 && wanted) q.readPackedVarint(keysVals);
  }, null);
  let id = 0;
  let lat = 0;
  let lon = 0;
  const g = st.granularity * 1e-9;
  const base = o.nodeIds.length;
  for (let i = 0; i < ids.length; i++) {
    id += ids[i];
    lat += lats[i];
    lon += lons[i];
    o.nodeIds.push(id);
    o.lats.push(st.latOffset * 1e-9 + g * lat);
    o.lngs.push(st.lonOffset * 1e-9 + g * lon);
  }
  if (!wanted || keysVals.length === 0) return;
  // keys_vals: for each node, (key, value) string ids, then a 0 ending that node's tags.
  let k = 0;
  for (let i = 0; i < ids.length && k < keysVals.length; i++) {
    let tags: Record<string, string> | undefined;
    let keep = false;
    while (k < keysVals.length && keysVals[k] !== 0) {
      const key = st.strings[keysVals[k]];
      const value = st.strings[keysVals[k + 1]];
      k += 2;
      (tags ??= {})[key] = value;
      if (wanted.has(key)) keep = true;
    }
    k++;
    if (keep && tags) o.nodeTags.push({ index: base + i, tags });
  }
}

function readNode(p: PbfReader, st: BlockState, o: OsmBlock, wanted: ReadonlySet<string> | undefined): void {
  const keys: number[] = [];
  const vals: number[] = [];
  const n = p.readMessage((tag, r: { id: number; lat: number; lon: number }, q) => {
    if (tag === 1) r.id = q.readSVarint();
    else if (tag === 2) q.readPackedVarint(keys);
    else if (tag === 3) q.readPackedVarint(vals);
    else if (tag === 8) r.lat = q.readSVarint();
    else if (tag === 9) r.lon = q.readSVarint();
  }, { id: 0, lat: 0, lon: 0 });
  const g = st.granularity * 1e-9;
  o.nodeIds.push(n.id);
  o.lats.push(st.latOffset * 1e-9 + g * n.lat);
  o.lngs.push(st.lonOffset * 1e-9 + g * n.lon);
  if (wanted && keys.some((k) => wanted.has(st.strings[k]))) {
    const tags: Record<string, string> = {};
    for (let i = 0; i < keys.length; i++) tags[st.strings[keys[i]]] = st.strings[vals[i]];
    o.nodeTags.push({ index: o.nodeIds.length - 1, tags });
  }
}

function readRelation(p: PbfReader, st: BlockState): OsmRelation {
  const keys: number[] = [];
  const vals: number[] = [];
  const roles: number[] = [];
  const memids: number[] = [];
  const types: number[] = [];
  const r = p.readMessage((tag, out: { id: number }, q) => {
    if (tag === 1) out.id = q.readVarint();
    else if (tag === 2) q.readPackedVarint(keys);
    else if (tag === 3) q.readPackedVarint(vals);
    else if (tag === 8) q.readPackedVarint(roles);
    else if (tag === 9) q.readPackedSVarint(memids);
    else if (tag === 10) q.readPackedVarint(types);
  }, { id: 0 });
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[st.strings[keys[i]]] = st.strings[vals[i]];
  const members: OsmMember[] = [];
  let ref = 0;
  for (let i = 0; i < memids.length; i++) {
    ref += memids[i];
    members.push({ type: (types[i] ?? 0) as 0 | 1 | 2, ref, role: st.strings[roles[i]] ?? '' });
  }
  return { id: r.id, tags, members };
}

function readWay(p: PbfReader, st: BlockState): OsmWay {
  const keys: number[] = [];
  const vals: number[] = [];
  const deltas: number[] = [];
  const w = p.readMessage((tag, r: { id: number }, q) => {
    if (tag === 1) r.id = q.readVarint();
    else if (tag === 2) q.readPackedVarint(keys);
    else if (tag === 3) q.readPackedVarint(vals);
    else if (tag === 8) q.readPackedSVarint(deltas);
  }, { id: 0 });
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[st.strings[keys[i]]] = st.strings[vals[i]];
  const refs = new Array<number>(deltas.length);
  let ref = 0;
  for (let i = 0; i < deltas.length; i++) {
    ref += deltas[i];
    refs[i] = ref;
  }
  return { id: w.id, refs, tags };
}

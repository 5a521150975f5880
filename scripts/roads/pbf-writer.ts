import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PbfWriter } from 'pbf';

/**
 * A minimal OpenStreetMap PBF writer: an OSMHeader blob, then blocks of dense nodes (with their tags),
 * then ways, then relations, zlib-compressed, at the default granularity (1e-7°). Enough to write the
 * road extract that `roads:fetch` clips or merges (barrier nodes, turn restrictions); no metadata.
 */
export class OsmPbfWriter {
  private fd: number;
  private nodeIds: number[] = [];
  private lats: number[] = [];
  private lngs: number[] = [];
  private nodeTags: (Record<string, string> | undefined)[] = [];
  private ways: { id: number; refs: number[]; tags: Record<string, string> }[] = [];
  private relations: OsmRelationOut[] = [];
  private stage: 'nodes' | 'ways' | 'relations' = 'nodes';
  nodesWritten = 0;
  waysWritten = 0;
  relationsWritten = 0;

  constructor(file: string, private readonly blockSize = 8000) {
    this.fd = openSync(file, 'w');
    const header = new PbfWriter();
    header.writeStringField(4, 'OsmSchema-V0.6');
    header.writeStringField(4, 'DenseNodes');
    header.writeStringField(16, 'internat-match roads:fetch');
    this.writeBlob('OSMHeader', header.finish());
  }

  /** Adds a node (all nodes first, then ways, then relations). */
  node(id: number, lat: number, lng: number, tags?: Record<string, string>): void {
    this.enter('nodes');
    this.nodeIds.push(id);
    this.lats.push(lat);
    this.lngs.push(lng);
    this.nodeTags.push(tags && Object.keys(tags).length ? tags : undefined);
    if (this.nodeIds.length >= this.blockSize) this.flushNodes();
  }

  /** Adds a way with its node references and tags. */
  way(id: number, refs: number[], tags: Record<string, string>): void {
    this.enter('ways');
    this.ways.push({ id, refs, tags });
    if (this.ways.length >= this.blockSize) this.flushWays();
  }

  /** Adds a relation (a turn restriction, say) with its members. */
  relation(r: OsmRelationOut): void {
    this.enter('relations');
    this.relations.push(r);
    if (this.relations.length >= this.blockSize) this.flushRelations();
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flushNodes();
    this.flushWays();
    this.flushRelations();
    closeSync(this.fd);
  }

  private enter(stage: 'nodes' | 'ways' | 'relations'): void {
    const order = ['nodes', 'ways', 'relations'];
    if (order.indexOf(stage) < order.indexOf(this.stage)) throw new Error(`OsmPbfWriter: ${stage} must come before ${this.stage}`);
    if (stage !== this.stage) {
      if (this.stage === 'nodes') this.flushNodes();
      if (this.stage === 'ways') this.flushWays();
      this.stage = stage;
    }
  }

  private flushNodes(): void {
    if (this.nodeIds.length === 0) return;
    const ids = this.nodeIds;
    const lats = this.lats.map((v) => Math.round(v * 1e7));
    const lngs = this.lngs.map((v) => Math.round(v * 1e7));
    const strings = new StringTable();
    // keys_vals: for each node its (key, value) string ids, then 0; absent when no node has a tag.
    const keysVals: number[] = [];
    if (this.nodeTags.some(Boolean)) {
      for (const tags of this.nodeTags) {
        for (const [k, v] of Object.entries(tags ?? {})) keysVals.push(strings.index(k), strings.index(v));
        keysVals.push(0);
      }
    }
    const block = new PbfWriter();
    strings.write(block);
    block.writeMessage(2, (_: null, group) => {
      group.writeMessage(2, (__: null, dense) => {
        dense.writePackedSVarint(1, deltas(ids));
        dense.writePackedSVarint(8, deltas(lats));
        dense.writePackedSVarint(9, deltas(lngs));
        if (keysVals.length) dense.writePackedVarint(10, keysVals);
      }, null);
    }, null);
    this.writeBlob('OSMData', block.finish());
    this.nodesWritten += ids.length;
    this.nodeIds = [];
    this.lats = [];
    this.lngs = [];
    this.nodeTags = [];
  }

  private flushRelations(): void {
    if (this.relations.length === 0) return;
    const strings = new StringTable();
    const encoded = this.relations.map((r) => ({
      id: r.id,
      keys: Object.keys(r.tags).map((k) => strings.index(k)),
      vals: Object.values(r.tags).map((v) => strings.index(v)),
      roles: r.members.map((m) => strings.index(m.role)),
      memids: deltas(r.members.map((m) => m.ref)),
      types: r.members.map((m) => m.type),
    }));
    const block = new PbfWriter();
    strings.write(block);
    block.writeMessage(2, (_: null, group) => {
      for (const r of encoded) {
        group.writeMessage(4, (__: null, rel) => {
          rel.writeVarintField(1, r.id);
          rel.writePackedVarint(2, r.keys);
          rel.writePackedVarint(3, r.vals);
          rel.writePackedVarint(8, r.roles);
          rel.writePackedSVarint(9, r.memids);
          rel.writePackedVarint(10, r.types);
        }, null);
      }
    }, null);
    this.writeBlob('OSMData', block.finish());
    this.relationsWritten += this.relations.length;
    this.relations = [];
  }

  private flushWays(): void {
    if (this.ways.length === 0) return;
    const strings = new StringTable();
    const encoded = this.ways.map((w) => ({
      id: w.id,
      keys: Object.keys(w.tags).map((k) => strings.index(k)),
      vals: Object.values(w.tags).map((v) => strings.index(v)),
      refs: deltas(w.refs),
    }));
    const block = new PbfWriter();
    strings.write(block);
    block.writeMessage(2, (_: null, group) => {
      for (const w of encoded) {
        group.writeMessage(3, (__: null, way) => {
          way.writeVarintField(1, w.id);
          way.writePackedVarint(2, w.keys);
          way.writePackedVarint(3, w.vals);
          way.writePackedSVarint(8, w.refs);
        }, null);
      }
    }, null);
    this.writeBlob('OSMData', block.finish());
    this.waysWritten += this.ways.length;
    this.ways = [];
  }

  private writeBlob(type: string, data: Uint8Array): void {
    const blob = new PbfWriter();
    blob.writeVarintField(2, data.length); // raw_size
    blob.writeBytesField(3, deflateSync(data)); // zlib_data
    const blobBytes = blob.finish().slice();
    const header = new PbfWriter();
    header.writeStringField(1, type);
    header.writeVarintField(3, blobBytes.length);
    const headerBytes = header.finish().slice();
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headerBytes.length, 0);
    writeSync(this.fd, len);
    writeSync(this.fd, headerBytes);
    writeSync(this.fd, blobBytes);
  }
}

/** A relation to write: members are 0 node, 1 way, 2 relation, as in the PBF format. */
export interface OsmRelationOut {
  id: number;
  tags: Record<string, string>;
  members: { type: 0 | 1 | 2; ref: number; role: string }[];
}

/** A block's string table; index 0 is the empty string, as the format expects. */
class StringTable {
  private ids = new Map<string, number>([['', 0]]);
  index(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) this.ids.set(s, (i = this.ids.size));
    return i;
  }
  write(block: PbfWriter): void {
    const encoder = new TextEncoder();
    block.writeMessage(1, (_: null, p) => {
      for (const s of this.ids.keys()) p.writeBytesField(1, encoder.encode(s));
    }, null);
  }
}

function deltas(values: number[]): number[] {
  const out = new Array<number>(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    out[i] = values[i] - prev;
    prev = values[i];
  }
  return out;
}

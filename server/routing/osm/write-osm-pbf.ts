import { writeFileSync } from 'node:fs';
import { PbfWriter } from 'pbf';

/** A node to write: id, position and tags. */
export interface WriteNode {
  id: number;
  lng: number;
  lat: number;
  tags?: Record<string, string>;
}

/** A way to write: id, node ids, tags. */
export interface WriteWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

/** A relation to write: members are `n`ode, `w`ay or `r`elation references with a role. */
export interface WriteRelation {
  id: number;
  tags: Record<string, string>;
  members: { type: 'n' | 'w' | 'r'; ref: number; role: string }[];
}

const GRANULARITY = 100; // nanodegrees, the format's default

/**
 * Writes a small OSM PBF file (one uncompressed block: plain nodes, ways, relations). Hand-made
 * extracts in tests go through the very reader, profile and importer real extracts do.
 */
export function writeOsmPbf(file: string, data: { nodes: WriteNode[]; ways: WriteWay[]; relations?: WriteRelation[] }): void {
  const strings = [''];
  const index = new Map<string, number>([['', 0]]);
  const sid = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const group = (fill: (p: PbfWriter) => void): Uint8Array => {
    const p = new PbfWriter();
    fill(p);
    return p.finish();
  };
  const groups: Uint8Array[] = [];
  groups.push(
    group((g) => {
      for (const n of data.nodes) {
        g.writeMessage(1, (node: WriteNode, p: PbfWriter) => {
          p.writeSVarintField(1, node.id);
          const tags = Object.entries(node.tags ?? {});
          p.writePackedVarint(2, tags.map(([k]) => sid(k)));
          p.writePackedVarint(3, tags.map(([, v]) => sid(v)));
          p.writeSVarintField(8, Math.round((node.lat * 1e9) / GRANULARITY));
          p.writeSVarintField(9, Math.round((node.lng * 1e9) / GRANULARITY));
        }, n);
      }
    }),
  );
  groups.push(
    group((g) => {
      for (const w of data.ways) {
        g.writeMessage(3, (way: WriteWay, p: PbfWriter) => {
          p.writeVarintField(1, way.id);
          const tags = Object.entries(way.tags);
          p.writePackedVarint(2, tags.map(([k]) => sid(k)));
          p.writePackedVarint(3, tags.map(([, v]) => sid(v)));
          p.writePackedSVarint(8, way.refs.map((r, i) => r - (i > 0 ? way.refs[i - 1] : 0)));
        }, w);
      }
    }),
  );
  if (data.relations?.length) {
    groups.push(
      group((g) => {
        for (const r of data.relations!) {
          g.writeMessage(4, (rel: WriteRelation, p: PbfWriter) => {
            p.writeVarintField(1, rel.id);
            const tags = Object.entries(rel.tags);
            p.writePackedVarint(2, tags.map(([k]) => sid(k)));
            p.writePackedVarint(3, tags.map(([, v]) => sid(v)));
            p.writePackedVarint(8, rel.members.map((m) => sid(m.role)));
            p.writePackedSVarint(9, rel.members.map((m, i) => m.ref - (i > 0 ? rel.members[i - 1].ref : 0)));
            p.writePackedVarint(10, rel.members.map((m) => ({ n: 0, w: 1, r: 2 })[m.type]));
          }, r);
        }
      }),
    );
  }
  const block = new PbfWriter();
  block.writeMessage(1, (list: string[], p: PbfWriter) => {
    for (const s of list) p.writeBytesField(1, new TextEncoder().encode(s));
  }, strings);
  for (const g of groups) block.writeBytesField(2, g);
  const header = new PbfWriter();
  header.writeStringField(4, 'OsmSchema-V0.6');
  header.writeStringField(4, 'DenseNodes');
  const blobs = [
    { type: 'OSMHeader', data: header.finish() },
    { type: 'OSMData', data: block.finish() },
  ];
  const parts: Buffer[] = [];
  for (const b of blobs) {
    const blob = new PbfWriter();
    blob.writeBytesField(1, b.data); // raw, uncompressed
    const blobBytes = blob.finish();
    const head = new PbfWriter();
    head.writeStringField(1, b.type);
    head.writeVarintField(3, blobBytes.length);
    const headBytes = head.finish();
    const len = Buffer.alloc(4);
    len.writeUInt32BE(headBytes.length, 0);
    parts.push(len, Buffer.from(headBytes), Buffer.from(blobBytes));
  }
  writeFileSync(file, Buffer.concat(parts));
}

import { recordAudit } from '../../audit/record-audit.ts';
import type { Scope } from '../departements/visibility.ts';
import { ValidationError } from '../../errors.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { formatIssue, type ImportIssue, type ImportRow } from './read-inventory.ts';
import { SITE_FIELDS, type InventorySiteRow, type SiteField } from './site-columns.ts';

/** What an import did (or, with dryRun, would do). */
export interface ImportSummary {
  dryRun: boolean;
  created: string[];
  updated: string[];
  unchanged: number;
  roomsCreated: number;
  bedsCreated: number;
}

type Tx = Prisma.TransactionClient;
type Existing = Awaited<ReturnType<typeof loadExisting>>[number];

interface SitePlan {
  row: InventorySiteRow;
  existing?: Existing;
  changes: Partial<Record<SiteField, { before: unknown; after: unknown }>>;
  newRooms: { label: string; beds: number }[];
  addBeds: { roomId: number; label: string; labels: string[] }[];
}

/** Refuses the whole import, listing every issue (`details.errors`), the first one in the message. */
export function rejectImport(issues: ImportIssue[]): ValidationError {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new ValidationError(`${formatIssue(first)}${more}`, first.field, { errors: issues.map((i) => ({ ...i, text: formatIssue(i) })) });
}

function loadExisting(tx: Tx, slugs: string[]) {
  return tx.site.findMany({
    where: { slug: { in: slugs } },
    include: { rooms: { include: { beds: { select: { label: true } } } } },
  });
}

/**
 * Staff import only sites of their départements: a row whose département (as written, or the
 * existing site's when it gives none) is another's is an issue of that row.
 */
async function checkDepartements(tx: Tx, codes: string[], rows: ImportRow[], existing: Map<string, Existing>, issues: ImportIssue[]) {
  const codeOf = new Map<string, string | null>();
  for (const { row } of rows) {
    const text = row.departement;
    if (text !== undefined && !codeOf.has(text)) {
      const [r] = await tx.$queryRaw<{ code: string | null }[]>`SELECT departement_code_of(${text}) AS code`;
      codeOf.set(text, r?.code ?? null);
    }
  }
  for (const { ref, row } of rows) {
    const was = existing.get(row.slug);
    if (was && (was.departementCode === null || !codes.includes(was.departementCode))) {
      issues.push({ ...ref, field: 'slug', message: `${row.slug} is a site of another département` });
      continue;
    }
    const code = row.departement !== undefined ? codeOf.get(row.departement) : was?.departementCode;
    if (code === null || code === undefined || !codes.includes(code)) {
      issues.push({ ...ref, field: 'departement', message: `${row.departement ?? ''} is not one of your départements (${codes.join(', ')})` });
    }
  }
}

/** Equal for the inventory's purpose: null and '' are both "unknown"; lists compare element-wise. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === '' ? null : v ?? null);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function bedLabels(existing: string[], count: number, total: number): string[] {
  const used = new Set(existing);
  const labels: string[] = [];
  if (total === 1 && existing.length === 0) return ['Lit'];
  for (let k = 1; labels.length < count; k++) if (!used.has(`Lit ${k}`)) labels.push(`Lit ${k}`);
  return labels;
}

function planSite(ref: ImportRow['ref'], row: InventorySiteRow, existing: Existing | undefined, issues: ImportIssue[]): SitePlan {
  const plan: SitePlan = { row, existing, changes: {}, newRooms: [], addBeds: [] };
  if (existing) {
    for (const f of SITE_FIELDS) {
      const after = row[f];
      if (after !== undefined && !same(existing[f], after)) plan.changes[f] = { before: existing[f], after };
    }
  }
  for (const r of row.rooms ?? []) {
    const room = existing?.rooms.find((x) => x.label === r.label);
    if (!room) plan.newRooms.push(r);
    else if (room.beds.length > r.beds) issues.push({ ...ref, field: 'rooms', message: `${r.label} has ${room.beds.length} beds; an import never removes beds` });
    else if (room.beds.length < r.beds) {
      plan.addBeds.push({ roomId: room.id, label: r.label, labels: bedLabels(room.beds.map((b) => b.label), r.beds - room.beds.length, r.beds) });
    }
  }
  return plan;
}

function createData(row: InventorySiteRow) {
  const { rooms: _rooms, ...fields } = row;
  const data = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<InventorySiteRow, 'rooms'>;
  return { ...data, amenities: data.amenities ?? [] };
}

async function writeSite(tx: Tx, plan: SitePlan, actorId: number | null): Promise<void> {
  const { row, existing } = plan;
  let siteId = existing?.id;
  if (!existing) {
    const site = await tx.site.create({ data: createData(row) });
    siteId = site.id;
    await recordAudit(tx, { actorId, action: 'import-create', entity: 'Site', entityId: site.id, siteId: site.id, after: { ...site, rooms: plan.newRooms } });
  } else if (Object.keys(plan.changes).length || plan.newRooms.length || plan.addBeds.length) {
    const data = Object.fromEntries(Object.entries(plan.changes).map(([k, c]) => [k, c.after]));
    if (Object.keys(data).length) await tx.site.update({ where: { id: existing.id }, data });
    await recordAudit(tx, {
      actorId,
      action: 'import-update',
      entity: 'Site',
      entityId: existing.id,
      siteId: existing.id,
      before: Object.fromEntries(Object.entries(plan.changes).map(([k, c]) => [k, c.before])),
      after: { ...data, ...(plan.newRooms.length ? { roomsAdded: plan.newRooms } : {}), ...(plan.addBeds.length ? { bedsAdded: plan.addBeds.map((b) => ({ room: b.label, beds: b.labels })) } : {}) },
    });
  }
  for (const r of plan.newRooms) {
    await tx.room.create({ data: { siteId: siteId!, label: r.label, beds: { create: bedLabels([], r.beds, r.beds).map((label) => ({ label })) } } });
  }
  for (const b of plan.addBeds) await tx.bed.createMany({ data: b.labels.map((label) => ({ roomId: b.roomId, label })) });
}

/**
 * Upserts sites by slug, all or nothing: every row is planned first (issues
 * found against the database, such as removed beds, are collected with their
 * line or feature), then, if none and not a dry run, written and audited in
 * one transaction. Unchanged sites are not touched, so re-importing an export changes nothing.
 */
export async function importInventory(opts: { prisma: PrismaClient; actorId: number | null; scope?: Scope; rows: ImportRow[]; dryRun: boolean }): Promise<ImportSummary> {
  return opts.prisma.$transaction(
    async (tx) => {
      const existing = new Map((await loadExisting(tx, opts.rows.map((r) => r.row.slug))).map((s) => [s.slug, s]));
      const issues: ImportIssue[] = [];
      if (opts.scope && !opts.scope.national) await checkDepartements(tx, opts.scope.codes, opts.rows, existing, issues);
      const plans = opts.rows.map(({ ref, row }) => planSite(ref, row, existing.get(row.slug), issues));
      if (issues.length) throw rejectImport(issues);
      const summary: ImportSummary = { dryRun: opts.dryRun, created: [], updated: [], unchanged: 0, roomsCreated: 0, bedsCreated: 0 };
      for (const p of plans) {
        const touched = Object.keys(p.changes).length || p.newRooms.length || p.addBeds.length;
        if (!p.existing) summary.created.push(p.row.slug);
        else if (touched) summary.updated.push(p.row.slug);
        else summary.unchanged++;
        summary.roomsCreated += p.newRooms.length;
        summary.bedsCreated += p.newRooms.reduce((n, r) => n + r.beds, 0) + p.addBeds.reduce((n, b) => n + b.labels.length, 0);
        if (!opts.dryRun) await writeSite(tx, p, opts.actorId);
      }
      return summary;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

import { ValidationError } from '../../errors.ts';
import { overlaps } from '../calendar/semesters.ts';
import type { BuiltInstance, InstanceContext } from './build-instance.ts';

/** A staff decision on one intern before apply: this bed, or no bed at all. */
export interface Override {
  internId: number;
  bedId: number | null;
}

/** The solver's placement of one intern, as apply needs it. */
export interface ChosenBed {
  intern: string;
  bed: string;
  explanation?: string;
}

/** One live assignment of the run's interns, as found at apply time. */
export interface CurrentAssignment {
  id: number;
  internId: number;
  bedId: number;
  startDate: string;
  endDate: string;
  status: 'proposed' | 'confirmed' | 'cancelled';
  locked: boolean;
}

/** What apply will write. */
export interface ApplyPlan {
  create: { internId: number; bedId: number; startDate: string; endDate: string; driveSeconds: number | null; explanation: string; overridden: boolean }[];
  /** Proposals the new result repeats: kept, re-attached to this run. */
  refresh: { id: number; driveSeconds: number | null; explanation: string }[];
  /** Non-locked proposals the new result drops or moves. */
  cancel: number[];
  /** Interns a staff override pushed out of their bed (left without one). */
  bumped: number[];
}

const held = (a: CurrentAssignment) => a.status === 'confirmed' || a.locked;

function covers(available: { from: string; to: string }[], start: string, end: string): boolean {
  return available.some((w) => w.from <= start && w.to >= end);
}

/**
 * Combines the previewed result with staff overrides and compares it with the
 * live assignments: confirmed and locked ones are never touched; a proposal the
 * result repeats is kept; other non-locked proposals are cancelled; the rest is
 * created. Overrides that contradict a held assignment or name a bed outside
 * the run or not free for the dates are refused (400) before anything is written.
 */
export function planApply(opts: { instance: BuiltInstance; context: InstanceContext; chosen: ChosenBed[]; overrides: Override[]; current: CurrentAssignment[] }): ApplyPlan {
  const { instance, context } = opts;
  const interns = new Map(instance.interns.map((i) => [Number(i.id), i]));
  const beds = new Map(instance.beds.map((b) => [Number(b.id), b]));
  const heldByIntern = new Map<number, CurrentAssignment>();
  for (const a of opts.current) if (held(a)) heldByIntern.set(a.internId, a);

  const plan = new Map<number, { bedId: number; explanation: string; overridden: boolean }>();
  for (const c of opts.chosen) plan.set(Number(c.intern), { bedId: Number(c.bed), explanation: c.explanation ?? '', overridden: false });

  const bumped: number[] = [];
  opts.overrides.forEach((o, i) => {
    const intern = interns.get(o.internId);
    if (!intern) throw new ValidationError(`overrides.${i}.internId: is not part of this run`, `overrides.${i}.internId`);
    if (heldByIntern.has(o.internId)) throw new ValidationError(`overrides.${i}.internId: has a confirmed or locked assignment; change it in assignments`, `overrides.${i}.internId`);
    if (o.bedId === null) return void plan.delete(o.internId);
    const bed = beds.get(o.bedId);
    if (!bed) throw new ValidationError(`overrides.${i}.bedId: is not a bed of this run`, `overrides.${i}.bedId`);
    if (!covers(bed.available, intern.start, intern.end)) throw new ValidationError(`overrides.${i}.bedId: is not free for ${intern.start} – ${intern.end}`, `overrides.${i}.bedId`);
    for (const a of opts.current) {
      if (a.bedId === o.bedId && held(a) && a.internId !== o.internId && overlaps(a.startDate, a.endDate, intern.start, intern.end)) {
        throw new ValidationError(`overrides.${i}.bedId: is held by a confirmed or locked assignment`, `overrides.${i}.bedId`);
      }
    }
    for (const [other, p] of plan) {
      const oi = interns.get(other)!;
      if (other !== o.internId && p.bedId === o.bedId && overlaps(oi.start, oi.end, intern.start, intern.end)) {
        if (opts.overrides.some((x) => x.internId === other)) throw new ValidationError(`overrides.${i}.bedId: two overrides give the same bed`, `overrides.${i}.bedId`);
        plan.delete(other);
        bumped.push(other);
      }
    }
    plan.set(o.internId, { bedId: o.bedId, explanation: 'Chosen by staff (override of the proposal)', overridden: true });
  });

  const drive = (internId: number, bedId: number) => {
    const site = instance.beds.find((b) => Number(b.id) === bedId)?.siteId;
    const secs = site ? context.driveSeconds[String(internId)]?.[site] : undefined;
    return secs ? secs.reduce((a, b) => a + b, 0) : null;
  };
  const out: ApplyPlan = { create: [], refresh: [], cancel: [], bumped };
  const satisfied = new Set<number>();
  for (const a of opts.current) {
    const intern = interns.get(a.internId);
    const p = plan.get(a.internId);
    if (held(a)) {
      if (p?.bedId === a.bedId) satisfied.add(a.internId);
      continue;
    }
    if (p && intern && p.bedId === a.bedId && a.startDate === intern.start && a.endDate === intern.end && !satisfied.has(a.internId)) {
      out.refresh.push({ id: a.id, driveSeconds: drive(a.internId, a.bedId), explanation: p.explanation });
      satisfied.add(a.internId);
    } else out.cancel.push(a.id);
  }
  for (const [internId, p] of plan) {
    if (satisfied.has(internId) || heldByIntern.has(internId)) continue;
    const intern = interns.get(internId)!;
    out.create.push({ internId, bedId: p.bedId, startDate: intern.start, endDate: intern.end, driveSeconds: drive(internId, p.bedId), explanation: p.explanation, overridden: p.overridden });
  }
  out.create.sort((a, b) => a.internId - b.internId);
  return out;
}

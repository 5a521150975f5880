import { ValidationError } from '../../errors.ts';
import { overlaps } from '../calendar/semesters.ts';
import type { BuiltInstance, InstanceContext } from './build-instance.ts';
import { checkOverrideBed, type OverrideFlag } from './override-candidates.ts';

/**
 * A staff decision on one intern before apply: this bed, or no bed at all.
 * A bed beyond the intern's limit, rent ceiling or house rules is allowed only
 * with `confirm: true` (the board shows why and asks first).
 */
export interface Override {
  internId: number;
  bedId: number | null;
  confirm?: boolean;
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
  status: 'proposed' | 'accepted' | 'confirmed' | 'cancelled';
  locked: boolean;
}

/** What apply will write. */
export interface ApplyPlan {
  create: { internId: number; bedId: number; startDate: string; endDate: string; driveSeconds: number | null; explanation: string; overridden: boolean; locked: boolean }[];
  /** Proposals the new result repeats: kept, re-attached to this run (and locked when staff locked them). */
  refresh: { id: number; driveSeconds: number | null; explanation: string; locked: boolean }[];
  /** Non-locked proposals the new result drops or moves. */
  cancel: number[];
  /** Interns a staff override pushed out of their bed (left without one). */
  bumped: number[];
}

// Confirmed, accepted by the intern, or locked by staff: the matching keeps it where it is.
const held = (a: CurrentAssignment) => a.status === 'confirmed' || a.status === 'accepted' || a.locked;

/** What a refused override or lock is about, for the interface to name the row and say why in its language. */
export interface OverrideProblem {
  internId: number;
  code: 'not-in-run' | 'intern-held' | 'not-in-run-bed' | 'not-free' | 'unreachable' | 'held' | 'same-bed' | 'needs-confirmation' | 'nothing-to-lock';
  flags?: OverrideFlag[];
}

const refuse = (message: string, field: string, problem: OverrideProblem) => new ValidationError(`${field}: ${message}`, field, problem);
const flagText = (f: OverrideFlag) => (f === 'over-limit' ? 'over the drive limit' : f === 'over-rent' ? 'over the rent ceiling' : 'house rules exclude a partner');

/**
 * Combines the previewed result with staff overrides and compares it with the
 * live assignments: confirmed and locked ones are never touched; a proposal the
 * result repeats is kept; other non-locked proposals are cancelled; the rest is
 * created. Overrides that contradict a held assignment or name a bed outside
 * the run or not free for the dates are refused (400) before anything is written.
 */
export function planApply(opts: { instance: BuiltInstance; context: InstanceContext; chosen: ChosenBed[]; overrides: Override[]; locks?: number[]; current: CurrentAssignment[] }): ApplyPlan {
  const { instance, context } = opts;
  const interns = new Map(instance.interns.map((i) => [Number(i.id), i]));
  const beds = new Map(instance.beds.map((b) => [Number(b.id), b]));
  const heldByIntern = new Map<number, CurrentAssignment>();
  for (const a of opts.current) if (held(a)) heldByIntern.set(a.internId, a);

  const plan = new Map<number, { bedId: number; explanation: string; overridden: boolean }>();
  for (const c of opts.chosen) plan.set(Number(c.intern), { bedId: Number(c.bed), explanation: c.explanation ?? '', overridden: false });

  const bumped: number[] = [];
  opts.overrides.forEach((o, i) => {
    const field = `overrides.${i}`;
    const intern = interns.get(o.internId);
    if (!intern) throw refuse('is not part of this run', `${field}.internId`, { internId: o.internId, code: 'not-in-run' });
    if (heldByIntern.has(o.internId)) throw refuse('has a confirmed or locked assignment; change it in assignments', `${field}.internId`, { internId: o.internId, code: 'intern-held' });
    if (o.bedId === null) return void plan.delete(o.internId);
    const check = checkOverrideBed(instance, intern.id, String(o.bedId));
    if (!check.ok) {
      const why = { 'not-in-run': 'is not a bed of this run', 'not-free': `is not free for ${intern.start} – ${intern.end}`, unreachable: 'is out of reach (no drive time in this run)', held: 'is held by a confirmed or locked assignment' }[check.refusal];
      throw refuse(why, `${field}.bedId`, { internId: o.internId, code: check.refusal === 'not-in-run' ? 'not-in-run-bed' : check.refusal });
    }
    if (check.flags.length && !o.confirm) {
      throw refuse(`is ${check.flags.map(flagText).join(' and ')}: confirm it`, `${field}.confirm`, { internId: o.internId, code: 'needs-confirmation', flags: check.flags });
    }
    for (const a of opts.current) {
      if (a.bedId === o.bedId && held(a) && a.internId !== o.internId && overlaps(a.startDate, a.endDate, intern.start, intern.end)) {
        throw refuse('is held by a confirmed or locked assignment', `${field}.bedId`, { internId: o.internId, code: 'held' });
      }
    }
    for (const [other, p] of plan) {
      const oi = interns.get(other)!;
      if (other !== o.internId && p.bedId === o.bedId && overlaps(oi.start, oi.end, intern.start, intern.end)) {
        if (opts.overrides.some((x) => x.internId === other && x.bedId === o.bedId)) throw refuse('two overrides give the same bed', `${field}.bedId`, { internId: o.internId, code: 'same-bed' });
        plan.delete(other);
        bumped.push(other);
      }
    }
    const minutes = check.drives.reduce((a, b) => a + b, 0);
    const limit = intern.limitMinutes ?? instance.limitMinutes;
    const beyond = check.flags.length ? `, confirmed although ${check.flags.map(flagText).join(' and ')}` : '';
    plan.set(o.internId, { bedId: o.bedId, explanation: `Chosen by staff (override of the proposal): ${Math.round(minutes * 10) / 10} min (limit ${limit} min)${beyond}`, overridden: true });
  });

  // Locks: whatever bed the intern ends up with (proposal or override) is saved locked.
  const locks = new Set<number>();
  (opts.locks ?? []).forEach((internId, i) => {
    if (!interns.has(internId)) throw refuse('is not part of this run', `locks.${i}`, { internId, code: 'not-in-run' });
    if (heldByIntern.has(internId)) return;
    if (!plan.has(internId)) throw refuse('has no bed to lock', `locks.${i}`, { internId, code: 'nothing-to-lock' });
    locks.add(internId);
  });
  for (const internId of locks) {
    const p = plan.get(internId)!;
    p.explanation = `${p.explanation}; locked by staff`;
  }

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
      out.refresh.push({ id: a.id, driveSeconds: drive(a.internId, a.bedId), explanation: p.explanation, locked: locks.has(a.internId) });
      satisfied.add(a.internId);
    } else out.cancel.push(a.id);
  }
  for (const [internId, p] of plan) {
    if (satisfied.has(internId) || heldByIntern.has(internId)) continue;
    const intern = interns.get(internId)!;
    out.create.push({ internId, bedId: p.bedId, startDate: intern.start, endDate: intern.end, driveSeconds: drive(internId, p.bedId), explanation: p.explanation, overridden: p.overridden, locked: locks.has(internId) });
  }
  out.create.sort((a, b) => a.internId - b.internId);
  return out;
}

import { overlaps } from '../calendar/semesters.ts';
import type { BuiltInstance, InstanceContext } from './build-instance.ts';

/** Why an override bed is allowed but needs the staff's confirmation. */
export type OverrideFlag = 'over-limit' | 'over-rent' | 'rules';

/** Why a bed cannot be given to an intern at all (apply refuses it). */
export type OverrideRefusal = 'not-in-run' | 'not-free' | 'unreachable' | 'held';

/** A bed staff may give an intern instead of the proposal, with what it costs them. */
export interface CandidateBed {
  bedId: number;
  siteId: number;
  siteName: string;
  commune: string;
  roomLabel: string;
  bedLabel: string;
  /** Total drive minutes (sum over the placement's practices) and each drive. */
  minutes: number;
  drives: number[];
  rentCents: number | null;
  /** Allowed, but beyond the intern's rules: the interface shows them and asks for confirmation. */
  flags: OverrideFlag[];
  /** The intern the preview gives this bed to (an override bumps them), or null. */
  takenBy: number | null;
}

type Intern = BuiltInstance['interns'][number];
type Bed = BuiltInstance['beds'][number];

const covers = (available: Bed['available'], start: string, end: string) => available.some((w) => w.from <= start && w.to >= end);
const round1 = (m: number) => Math.round(m * 10) / 10;

/** Drive minutes from an intern's practices to a site, or null when it was not reachable in the run. */
function drivesOf(instance: BuiltInstance, internId: string, siteId: string): number[] | null {
  const m = instance.minutes[internId]?.[siteId];
  if (m === undefined) return null;
  return typeof m === 'number' ? [m] : [...m];
}

/** What stands against a bed for an intern, beyond the hard refusals: limit, rent ceiling, house rules. */
export function overrideFlags(instance: BuiltInstance, intern: Intern, bed: Bed, drives: number[]): OverrideFlag[] {
  const flags: OverrideFlag[] = [];
  const limit = intern.limitMinutes ?? instance.limitMinutes;
  if (drives.some((d) => d > limit)) flags.push('over-limit');
  if (intern.maxRentCents !== undefined && bed.rentCents !== undefined && bed.rentCents > intern.maxRentCents) flags.push('over-rent');
  if (intern.withPartner && bed.partnerAllowed === false) flags.push('rules');
  return flags;
}

/**
 * Whether a bed can be given to an intern by override in this run, and if so
 * what it costs: the one rule the picker (`candidateBeds`) and apply (`planApply`)
 * share, so the picker never offers a bed apply refuses. A bed must be one of
 * the run's, free for the intern's whole stay, reachable (a drive time was
 * computed for it), and not held by someone else's confirmed or locked stay.
 */
export function checkOverrideBed(instance: BuiltInstance, internId: string, bedId: string): { ok: true; bed: Bed; drives: number[]; flags: OverrideFlag[] } | { ok: false; refusal: OverrideRefusal } {
  const interns: Intern[] = instance.interns;
  const beds: Bed[] = instance.beds;
  const intern = interns.find((i) => i.id === internId);
  const bed = beds.find((b) => b.id === bedId);
  if (!intern || !bed) return { ok: false, refusal: 'not-in-run' };
  if (!covers(bed.available, intern.start, intern.end)) return { ok: false, refusal: 'not-free' };
  const drives = drivesOf(instance, internId, bed.siteId);
  if (!drives) return { ok: false, refusal: 'unreachable' };
  for (const e of instance.existing) {
    if (e.bed !== bedId || e.intern === internId || !(e.status === 'confirmed' || e.locked)) continue;
    const holder = instance.interns.find((i) => i.id === e.intern);
    if (holder && overlaps(holder.start, holder.end, intern.start, intern.end)) return { ok: false, refusal: 'held' };
  }
  return { ok: true, bed, drives, flags: overrideFlags(instance, intern, bed, drives) };
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The beds staff may give one intern in a previewed run, nearest first (then
 * bed id), optionally filtered by a search over site, commune, room and bed
 * labels (accents and case ignored). Only beds `checkOverrideBed` accepts;
 * each says whether the preview gives it to someone else.
 */
export function candidateBeds(opts: {
  instance: BuiltInstance;
  context: InstanceContext;
  chosen: { intern: string; bed: string }[];
  internId: number;
  q?: string;
  limit: number;
}): { total: number; candidates: CandidateBed[] } {
  const { instance, context } = opts;
  const id = String(opts.internId);
  const me = instance.interns.find((i) => i.id === id);
  if (!me) return { total: 0, candidates: [] };
  const byBed = new Map<string, string[]>();
  for (const c of opts.chosen) byBed.set(c.bed, [...(byBed.get(c.bed) ?? []), c.intern]);
  const needle = opts.q ? fold(opts.q.trim()) : '';
  const out: CandidateBed[] = [];
  for (const bed of instance.beds) {
    const info = context.beds[bed.id];
    if (!info) continue;
    if (needle && !fold(`${info.siteName} ${info.commune} ${info.roomLabel} ${info.bedLabel}`).includes(needle)) continue;
    const check = checkOverrideBed(instance, id, bed.id);
    if (!check.ok) continue;
    const taker = (byBed.get(bed.id) ?? []).find((other) => {
      if (other === id) return false;
      const o = instance.interns.find((i) => i.id === other);
      return !!o && overlaps(o.start, o.end, me.start, me.end);
    });
    out.push({
      bedId: Number(bed.id),
      siteId: info.siteId,
      siteName: info.siteName,
      commune: info.commune,
      roomLabel: info.roomLabel,
      bedLabel: info.bedLabel,
      minutes: round1(check.drives.reduce((a, b) => a + b, 0)),
      drives: check.drives,
      rentCents: bed.rentCents ?? null,
      flags: check.flags,
      takenBy: taker ? Number(taker) : null,
    });
  }
  out.sort((a, b) => a.minutes - b.minutes || a.bedId - b.bedId);
  return { total: out.length, candidates: out.slice(0, opts.limit) };
}

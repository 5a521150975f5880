import { dayNumber } from './dates.ts';
import { instanceSchema, type Instance } from './instance-schema.ts';

/** A bad instance: the message names the field first (`interns[3].end: before start`). */
export class MatchingInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'MatchingInputError';
    this.field = field;
  }
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(root)';

/**
 * Checks an instance (shape with zod, then cross-references and dates) and
 * returns it with defaults applied. Throws `MatchingInputError` on the first
 * problem so staff and scripts see one precise field to fix.
 */
export function parseInstance(input: unknown): Instance {
  const parsed = instanceSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MatchingInputError(pathText(issue.path), issue.message);
  }
  const inst = parsed.data;
  const internIds = new Set<string>();
  inst.interns.forEach((it, i) => {
    const at = `interns[${i}]`;
    if (internIds.has(it.id)) throw new MatchingInputError(`${at}.id`, `duplicate id ${it.id}`);
    internIds.add(it.id);
    const s = dayNumber(it.start);
    const e = dayNumber(it.end);
    if (Number.isNaN(s)) throw new MatchingInputError(`${at}.start`, 'not a calendar date');
    if (Number.isNaN(e)) throw new MatchingInputError(`${at}.end`, 'not a calendar date');
    if (e < s) throw new MatchingInputError(`${at}.end`, 'before start');
  });
  const byId = new Map(inst.interns.map((it) => [it.id, it]));
  inst.interns.forEach((it, i) => {
    const at = `interns[${i}]`;
    if (it.partner !== undefined) {
      const p = byId.get(it.partner);
      if (!p) throw new MatchingInputError(`${at}.partner`, `unknown intern ${it.partner}`);
      if (p.id === it.id) throw new MatchingInputError(`${at}.partner`, 'an intern cannot be their own partner');
      if (p.partner !== undefined && p.partner !== it.id)
        throw new MatchingInputError(`${at}.partner`, `${p.id} names another partner (${p.partner})`);
    }
    (it.peers ?? []).forEach((peer, k) => {
      if (!byId.has(peer)) throw new MatchingInputError(`${at}.peers[${k}]`, `unknown intern ${peer}`);
      if (peer === it.id) throw new MatchingInputError(`${at}.peers[${k}]`, 'an intern cannot be their own peer');
    });
  });
  const bedIds = new Set<string>();
  inst.beds.forEach((b, i) => {
    const at = `beds[${i}]`;
    if (bedIds.has(b.id)) throw new MatchingInputError(`${at}.id`, `duplicate id ${b.id}`);
    bedIds.add(b.id);
    b.available.forEach((w, k) => {
      const f = dayNumber(w.from);
      const t = dayNumber(w.to);
      if (Number.isNaN(f)) throw new MatchingInputError(`${at}.available[${k}].from`, 'not a calendar date');
      if (Number.isNaN(t)) throw new MatchingInputError(`${at}.available[${k}].to`, 'not a calendar date');
      if (t < f) throw new MatchingInputError(`${at}.available[${k}].to`, 'before from');
    });
  });
  const seen = new Set<string>();
  (inst.existing ?? []).forEach((x, i) => {
    const at = `existing[${i}]`;
    if (!internIds.has(x.intern)) throw new MatchingInputError(`${at}.intern`, `unknown intern ${x.intern}`);
    if (!bedIds.has(x.bed)) throw new MatchingInputError(`${at}.bed`, `unknown bed ${x.bed}`);
    if (seen.has(x.intern)) throw new MatchingInputError(`${at}.intern`, `${x.intern} already has an existing assignment`);
    seen.add(x.intern);
  });
  if (inst.limitMinutes === undefined) throw new MatchingInputError('limitMinutes', 'required');
  return inst;
}

import type { TFunction } from 'i18next';
import type { ProposedAssignment, Unmatched } from '../api/matching-schema.ts';

const list = (x: unknown) => (Array.isArray(x) ? x.join(' + ') : '');
const num = (x: unknown) => (typeof x === 'number' ? Math.round(x) : 0);
/** A `YYYY-MM-DD` date in the language `t` speaks ("2 nov. 2026", "2 Nov 2026"). */
const day = (t: TFunction, x: unknown) =>
  typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)
    ? new Intl.DateTimeFormat(t('matching.dateLocale'), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${x}T00:00:00Z`))
    : '—';

/** Says why an intern got this bed, in the reader's language, from the solver's code and figures. */
export function explainAssignment(t: TFunction, a: ProposedAssignment): string {
  const d = a.details;
  if (!a.reasonCode || !t(`matching.why.${a.reasonCode}`, { count: 1, defaultValue: '' })) return a.explanation;
  const base = t('matching.why.base', { minutes: num(d.minutes), practices: list(d.practices), limit: num(d.limit) });
  const parts = [base, t(`matching.why.${a.reasonCode}`, { count: num(d.closerTaken) || num(d.closerFree) })];
  if (d.partner) parts.push(t('matching.why.partner'));
  if (Array.isArray(d.peers) && d.peers.length) parts.push(t('matching.why.peers', { count: d.peers.length }));
  if (typeof d.wishRank === 'number') parts.push(t('matching.why.wish', { count: d.wishRank, ordinal: true }));
  else if (Array.isArray(d.wishesUnmet) && d.wishesUnmet.length) {
    const list = (d.wishesUnmet as { siteName?: unknown; reasons?: unknown }[])
      .map((w) => `${String(w.siteName ?? '')} ${and(t, (Array.isArray(w.reasons) ? w.reasons : []).map((r) => t(`matching.whyNot.reason.${String(r)}`, { defaultValue: String(r) })))}`)
      .join(', ');
    parts.push(t('matching.why.noWish', { list }));
  }
  if (d.rentUnknown) parts.push(t('matching.why.rentUnknown'));
  return parts.join(' ; ');
}

/** "a, b et c" in the reader's language. */
function and(t: TFunction, words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${t('matching.whyNot.and')} ${words[words.length - 1]}`;
}

/**
 * Says the whole reason an intern has no bed, in the reader's language, from
 * the solver's code and figures: the rule that failed, the stay, and the
 * nearest site with every reason against it (full, too far, rent, rules…).
 */
export function explainUnmatched(t: TFunction, u: Unmatched): string {
  const d = u.details;
  if (!u.reasonCode || !t(`matching.whyNot.${u.reasonCode}`, { count: 1, defaultValue: '' })) return u.reason;
  const text = t(`matching.whyNot.${u.reasonCode}`, {
    limit: num(d.limit), practices: list(d.practices), count: num(d.eligibleBeds), from: day(t, d.from), to: day(t, d.to), name: u.internName, partner: u.partnerName ?? '—',
  });
  if (u.reasonCode === 'partner') return text;
  if (!u.nearest) return `${text} ; ${t('matching.whyNot.nothingNear')}`;
  const reasons = and(t, u.nearest.reasons.map((r) => t(`matching.whyNot.reason.${r}`, { defaultValue: r })));
  return `${text} ; ${t('matching.whyNot.nearest', { site: u.nearest.siteName, minutes: num(u.nearest.minutes), reasons })}`;
}

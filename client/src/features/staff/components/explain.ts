import type { TFunction } from 'i18next';
import type { ProposedAssignment, Unmatched } from '../api/matching-schema.ts';

const list = (x: unknown) => (Array.isArray(x) ? x.join(' + ') : '');
const num = (x: unknown) => (typeof x === 'number' ? Math.round(x) : 0);

/** Says why an intern got this bed, in the reader's language, from the solver's code and figures. */
export function explainAssignment(t: TFunction, a: ProposedAssignment): string {
  const d = a.details;
  if (!a.reasonCode || !t(`matching.why.${a.reasonCode}`, { count: 1, defaultValue: '' })) return a.explanation;
  const base = t('matching.why.base', { minutes: num(d.minutes), practices: list(d.practices), limit: num(d.limit) });
  const parts = [base, t(`matching.why.${a.reasonCode}`, { count: num(d.closerTaken) || num(d.closerFree) })];
  if (d.partner) parts.push(t('matching.why.partner'));
  if (Array.isArray(d.peers) && d.peers.length) parts.push(t('matching.why.peers', { count: d.peers.length }));
  if (d.rentUnknown) parts.push(t('matching.why.rentUnknown'));
  return parts.join(' ; ');
}

/** Says why an intern has no bed, in the reader's language, with the nearest alternative. */
export function explainUnmatched(t: TFunction, u: Unmatched): string {
  const d = u.details;
  if (!u.reasonCode || !t(`matching.whyNot.${u.reasonCode}`, { count: 1, defaultValue: '' })) return u.reason;
  const text = t(`matching.whyNot.${u.reasonCode}`, { limit: num(d.limit), practices: list(d.practices), count: num(d.eligibleBeds) });
  return u.nearest ? `${text} ; ${t('matching.whyNot.nearest', { site: u.nearest.siteName, minutes: num(u.nearest.minutes) })}` : text;
}

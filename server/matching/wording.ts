import { formatRange, type DayRange } from './dates.ts';
import type { Instance, InstanceIntern } from './instance-schema.ts';
import type { AlternativeWhy } from './result-types.ts';

/** Minutes as people read them: whole when whole, else one decimal. */
export const fmtMinutes = (m: number) => (Number.isInteger(m) ? `${m}` : m.toFixed(1));

/** A site's display name, falling back to its id. */
export const siteName = (inst: Instance, site: string) => inst.sites?.[site]?.name ?? site;

/** An intern's display name, falling back to their id. */
export const internName = (it: InstanceIntern) => it.label ?? it.id;

/** "Vendôme", "Vendôme and Blois", or "the placement" when practices are not named. */
export function placeText(it: InstanceIntern, count: number): string {
  const names = it.practices ?? [];
  if (names.length >= count && count > 0) return names.slice(0, count).join(' and ');
  return count > 1 ? 'both practices' : 'the placement';
}

/** "18 min from Vendôme", "18 min from Vendôme and 12 min from Blois", or "18 + 12 min drive". */
export function driveText(it: InstanceIntern, drives: number[]): string {
  const names = it.practices ?? [];
  if (names.length >= drives.length) return drives.map((d, k) => `${fmtMinutes(d)} min from ${names[k]}`).join(' and ');
  return `${drives.map(fmtMinutes).join(' + ')} min drive`;
}

/** "2 Nov – 30 Apr" for an intern's stay. */
export const stayText = (r: DayRange) => formatRange(r);

/** "too far and full" from an alternative's reasons. */
export function reasonsText(reasons: readonly (AlternativeWhy | 'rent-unknown')[]): string {
  const words = reasons.map((r) => (r === 'dates' ? 'not free for those dates' : r === 'rules' ? 'house rules exclude a partner' : r === 'rent' ? 'rent above ceiling' : r === 'partner' ? 'no room for the partner' : r));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "3 closer beds" / "1 closer bed". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

import type { TFunction } from 'i18next';
import type { Suggestion } from '../api/get-coverage.ts';

/** "Montoire-sur-le-Loir : +7 stages couverts, dont 3 aujourd'hui à plus de 45 min" (and its English). */
export function suggestionText(t: TFunction, s: Pick<Suggestion, 'name' | 'newlyCovered' | 'newlyFar'>, farMinutes: number): string {
  const covered = t('coverage.figure.covered', { name: s.name, count: s.newlyCovered });
  return s.newlyFar > 0 ? `${covered}${t('coverage.figure.far', { count: s.newlyFar, minutes: farMinutes })}` : covered;
}

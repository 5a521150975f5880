import { day } from '../../../lib/format.ts';
import type { Placement } from '../api/get-placements.ts';

/** "Cabinet A + Cabinet B, 1 mai 2027 → 31 oct. 2027". */
export function placementText(p: Placement): string {
  const where = [p.practice?.name, p.secondPractice?.name].filter(Boolean).join(' + ');
  return `${where}, ${day(p.startDate)} → ${day(p.endDate)}`;
}

/** The colour class for a number of free beds: none, few (1–2) or several; unknown when null. */
export function freeBedsTone(free: number | null | undefined): string {
  if (free === null || free === undefined) return 'tone-unknown';
  if (free <= 0) return 'tone-none';
  if (free <= 2) return 'tone-few';
  return 'tone-many';
}

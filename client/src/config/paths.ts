/** Paths of the staff back-office pages (French, as users read them in the address). */
export const STAFF_PATHS = {
  interns: '/equipe/internes',
  placements: '/equipe/stages',
  practices: '/equipe/cabinets',
  accounts: '/equipe/comptes',
  sites: '/equipe/sites',
  import: '/equipe/import',
  audit: '/equipe/journal',
  outbox: '/equipe/courriels',
  aid: '/equipe/aides',
  coverage: '/equipe/couverture',
} as const;

import { useTranslation } from 'react-i18next';
import { STAFF_PATHS } from '../../../config/paths.ts';
import { Link } from '../../../lib/router.ts';
import type { Placement } from '../api/get-placements.ts';
import type { Practice } from '../api/get-practices.ts';
import { placementText } from './placement-text.ts';
import { PlacementForm } from './placement-form.tsx';

/** An intern's placements (each links to its page) and a form to add one. */
export function PlacementsOfIntern({ internId, placements, practices }: { internId: number; placements: Placement[]; practices: Practice[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="intern-placements-title">
      <h3 id="intern-placements-title">{t('backoffice.placements.title')}</h3>
      {placements.length === 0 ? (
        <p className="muted">{t('backoffice.placements.none')}</p>
      ) : (
        <ul className="plain-list">
          {placements.map((p) => (
            <li key={p.id}>
              <Link href={`${STAFF_PATHS.placements}?id=${p.id}`}>{placementText(p)}</Link>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('backoffice.placements.new')}</summary>
        <PlacementForm key={placements.length} internId={internId} practices={practices} />
      </details>
    </section>
  );
}

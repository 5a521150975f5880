import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { day } from '../../../lib/format.ts';
import type { Occupant } from '../api/get-occupants.ts';

/**
 * Who sleeps in which room and bed of the manager's site over the semester, and when: what a manager needs
 * to hand over keys. Names, dates and the booking's state only (no e-mail or other personal data): the
 * intern gets the site's contact in their proposal and reaches the manager.
 */
export function OccupantsTable({ occupants }: { occupants: Occupant[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="occupants-title">
      <h3 id="occupants-title">{t('manager.occupantsTitle')}</h3>
      {occupants.length === 0 ? (
        <p className="muted">{t('manager.noOccupants')}</p>
      ) : (
        <DataTable
          caption={t('manager.occupantsCaption')}
          rows={occupants}
          rowKey={(o) => `${o.room}/${o.bed}/${o.startDate}/${o.name}`}
          columns={[
            { header: t('manager.occupant'), cell: (o) => o.name },
            { header: t('manager.room'), cell: (o) => o.room },
            { header: t('manager.bed'), cell: (o) => o.bed },
            { header: t('matching.dates'), cell: (o) => `${day(o.startDate)} → ${day(o.endDate)}` },
            { header: t('matching.status'), cell: (o) => t(`status.${o.status}`, { defaultValue: o.status }) },
          ]}
        />
      )}
    </section>
  );
}

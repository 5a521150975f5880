import { useTranslation } from 'react-i18next';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { freeBedsTone } from '../../../components/free-beds.ts';
import { euros, minutes } from '../../../lib/format.ts';
import type { NearbySite } from '../api/get-nearby-sites.ts';
import type { Practice } from '../api/get-me-intern.ts';

/** The map's list equivalent: sites sorted by drive time, with rent, funder, amenities and free beds. */
export function NearbyList({ sites, practices, selected, onSelect }: { sites: NearbySite[]; practices: Practice[]; selected?: number; onSelect: (id: number) => void }) {
  const { t } = useTranslation();
  if (!sites.length) return <p className="muted">{t('intern.noneNearby')}</p>;
  return (
    <div className="table-wrap">
    <table className="nearby">
      <caption className="sr-only">{t('intern.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('site.name')}</th>
          <th scope="col">{t('intern.driveTime')}</th>
          <th scope="col">{t('site.rent')}</th>
          <th scope="col" className="hide-phone">{t('site.funder')}</th>
          <th scope="col">{t('site.freeBeds')}</th>
        </tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.id} className={s.id === selected ? 'selected' : undefined}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onSelect(s.id)} aria-pressed={s.id === selected}>
                {s.name}
              </button>
              <div className="muted small">{s.commune}</div>
              {s.amenities.length > 0 && <div className="small hide-phone">{t('site.amenities')} : {s.amenities.join(', ')}</div>}
            </th>
            <td>
              {s.minutes.map((m, i) => (
                <div key={i}>
                  {practices.length > 1 && <span className="muted">{i + 1}. </span>}
                  {minutes(m)}
                </div>
              ))}
              <EstimateBadge estimate={s.estimate} />
            </td>
            <td>{euros(s.rentCents)}</td>
            <td className="hide-phone">{s.funder?.name ?? '—'}</td>
            <td>
              <span className={`dot ${freeBedsTone(s.freeBeds)}`} aria-hidden="true" /> {s.freeBeds ?? '?'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

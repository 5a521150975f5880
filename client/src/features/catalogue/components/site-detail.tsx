import { useTranslation } from 'react-i18next';
import { day, euros } from '../../../lib/format.ts';
import { useSite } from '../api/get-site.ts';
import type { PublicSite } from '../api/site-schema.ts';

/** The detail panel of a site: rent, funder, rules, amenities, rooms and availability when known. */
export function SiteDetailPanel({ site, semester, onClose }: { site: PublicSite; semester: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useSite(site.id, semester);
  return (
    <section className="card detail" aria-labelledby={`site-${site.id}-title`}>
      <header className="detail-head">
        <h2 id={`site-${site.id}-title`}>{site.name}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <p className="muted">{[site.address, site.departement].filter(Boolean).join(' · ')}</p>
      <dl className="facts">
        <dt>{t('site.rent')}</dt>
        <dd>
          {euros(site.rentCents)} {t('site.perMonth')} {site.chargesIncluded ? `(${t('site.chargesIncluded')})` : ''}
        </dd>
        <dt>{t('site.funder')}</dt>
        <dd>{site.funder?.name ?? '—'}</dd>
        <dt>{t('site.freeBeds')}</dt>
        <dd>{site.freeBeds ?? t('site.unknown')} / {site.beds ?? '—'}</dd>
        <dt>{t('site.partner')}</dt>
        <dd>{site.rules?.partnerAllowed ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('site.guests')}</dt>
        <dd>{site.rules?.guestsAllowed ? t('common.yes') : t('common.no')}</dd>
      </dl>
      {site.amenities.length > 0 && (
        <ul className="tags" aria-label={t('site.amenities')}>
          {site.amenities.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      {site.rules?.text && <p>{site.rules.text}</p>}
      {site.description && <p>{site.description}</p>}
      {detail.data && detail.data.rooms.length > 0 && (
        <>
          <h3>{t('site.rooms')}</h3>
          <ul className="rooms">
            {detail.data.rooms.map((r) => (
              <li key={r.id}>
                <strong>{r.label}</strong> — {t('site.beds', { count: r.beds.length })}
                {r.availability.length > 0 && (
                  <span className="muted"> · {r.availability.map((w) => `${day(w.startDate)} → ${day(w.endDate)}`).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.data?.contact?.email && (
        <p>
          {t('site.contact')}: <a href={`mailto:${detail.data.contact.email}`}>{detail.data.contact.email}</a>
        </p>
      )}
    </section>
  );
}

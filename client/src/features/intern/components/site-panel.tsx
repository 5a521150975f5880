import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EstimateBadge } from '../../../components/estimate-badge.tsx';
import { euros, minutes } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useCreateRequest } from '../api/create-request.ts';
import type { NearbySite } from '../api/get-nearby-sites.ts';
import type { Practice } from '../api/get-me-intern.ts';

/** The detail panel of a nearby site, with "add to my choices" and "request a room". */
export function SitePanel({
  site,
  practices,
  ranked,
  requested,
  onRank,
  onClose,
}: {
  site: NearbySite;
  practices: Practice[];
  ranked: boolean;
  requested: boolean;
  onRank: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const request = useCreateRequest();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    request.mutate({ siteId: site.id, note: note.trim() || undefined }, { onSuccess: () => notify('success', t('intern.requestSent')) });
  };
  return (
    <section className="card detail" aria-labelledby="site-panel-title">
      <header className="detail-head">
        <h2 id="site-panel-title">{site.name}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <p className="muted">{site.address ?? site.commune}</p>
      <dl className="facts">
        {practices.map((p, i) => (
          <div key={p.id} className="fact">
            <dt>{t('intern.driveTo', { name: p.name })}</dt>
            <dd>
              {minutes(site.minutes[i])} <EstimateBadge estimate={site.estimate} />
            </dd>
          </div>
        ))}
        <div className="fact">
          <dt>{t('site.rent')}</dt>
          <dd>{euros(site.rentCents)} {t('site.perMonth')} {site.chargesIncluded ? `(${t('site.chargesIncluded')})` : ''}</dd>
        </div>
        <div className="fact">
          <dt>{t('site.funder')}</dt>
          <dd>{site.funder?.name ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('site.freeBeds')}</dt>
          <dd>{site.freeBeds ?? '?'} / {site.beds ?? '—'}</dd>
        </div>
        <div className="fact">
          <dt>{t('site.partner')}</dt>
          <dd>{site.rules?.partnerAllowed ? t('common.yes') : t('common.no')}</dd>
        </div>
      </dl>
      {site.amenities.length > 0 && (
        <ul className="tags" aria-label={t('site.amenities')}>
          {site.amenities.map((a) => <li key={a}>{a}</li>)}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onRank} disabled={ranked}>
          {ranked ? t('intern.inChoices') : t('intern.addChoice')}
        </button>
      </div>
      <form className="form" onSubmit={submit}>
        <label>
          {t('intern.requestNote')}
          <textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={request.isPending || requested || request.isSuccess}>
          {requested || request.isSuccess ? t('intern.requested') : t('intern.request')}
        </button>
      </form>
    </section>
  );
}

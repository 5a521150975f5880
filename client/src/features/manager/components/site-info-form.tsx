import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { notify } from '../../../lib/notifications.ts';
import type { ManagedSite } from '../api/get-my-sites.ts';
import { useUpdateSite } from '../api/update-site.ts';

/** Rent, amenities, contact, description and house rules of a site, with validation and immediate feedback. */
export function SiteInfoForm({ site }: { site: ManagedSite }) {
  const { t } = useTranslation();
  const [rent, setRent] = useState(site.rentCents == null ? '' : String(site.rentCents / 100));
  const [amenities, setAmenities] = useState(site.amenities.join(', '));
  const [email, setEmail] = useState(site.contact?.email ?? '');
  const [phone, setPhone] = useState(site.contact?.phone ?? '');
  const [description, setDescription] = useState(site.description ?? '');
  const [houseRules, setHouseRules] = useState(site.houseRules ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useUpdateSite();
  const serverError = save.error instanceof ApiError ? save.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const euros = rent.trim() === '' ? null : Number(rent.replace(',', '.'));
    if (euros !== null && (!Number.isFinite(euros) || euros < 0 || euros > 5000)) next.rent = t('manager.errRent');
    if (email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) next.email = t('manager.errEmail');
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate(
      {
        id: site.id,
        rentCents: euros === null ? null : Math.round(euros * 100),
        amenities: amenities.split(',').map((a) => a.trim()).filter(Boolean),
        description: description.trim() || null,
        rules: { text: houseRules.trim() || null },
        contact: { name: site.contact?.name ?? null, email: email.trim() || null, phone: phone.trim() || null },
      },
      { onSuccess: () => notify('success', t('manager.siteSaved')) },
    );
  };

  return (
    <details className="card">
      <summary>{t('manager.siteInfo')}</summary>
      <form className="form" onSubmit={submit} noValidate aria-label={t('manager.siteInfo')}>
        <label>
          {t('manager.rent')}
          <input type="text" inputMode="decimal" value={rent} onChange={(e) => setRent(e.target.value)} aria-invalid={!!errors.rent} />
          {errors.rent && <span className="error" role="alert">{errors.rent}</span>}
        </label>
        <label>
          {t('manager.amenities')}
          <input type="text" value={amenities} onChange={(e) => setAmenities(e.target.value)} />
        </label>
        <label>
          {t('manager.contactEmail')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!errors.email} />
          {errors.email && <span className="error" role="alert">{errors.email}</span>}
        </label>
        <label>
          {t('manager.contactPhone')}
          <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <label>
          {t('manager.description')}
          <textarea rows={3} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          {t('manager.houseRules')}
          <textarea rows={4} maxLength={4000} value={houseRules} onChange={(e) => setHouseRules(e.target.value)} />
        </label>
        {serverError && <p className="error" role="alert">{serverError.message}</p>}
        <button type="submit" className="primary" disabled={save.isPending}>{t('common.save')}</button>
      </form>
    </details>
  );
}

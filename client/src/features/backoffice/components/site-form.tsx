import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import { useSaveSite } from '../api/save-site.ts';
import { centsOf, numberOf } from './use-selection.ts';

const FUNDERS = ['departement', 'region', 'ars', 'hospital', 'commune', 'association', 'other'] as const;

/** Creates a site: name, place and position, funder, rent. Rooms and availability are its managers' pages. */
export function NewSiteForm({ onSaved }: { onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({ name: '', address: '', commune: '', departement: '', subdivision: 'Tours', lng: '', lat: '', funder: 'departement', funderName: '', rent: '', planned: false });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const [localError, setLocalError] = useState('');
  const save = useSaveSite();
  const invalid = (k: string) => isFieldInvalid(save.error, `body.${k}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const rentCents = centsOf(f.rent);
    if (Number.isNaN(rentCents)) return setLocalError(t('backoffice.errEuros'));
    setLocalError('');
    save.mutate(
      {
        name: f.name.trim(),
        address: f.address.trim() || null,
        commune: f.commune.trim(),
        departement: f.departement.trim(),
        subdivision: f.subdivision.trim(),
        location: [numberOf(f.lng), numberOf(f.lat)],
        funder: { kind: f.funder, name: f.funderName.trim() || null },
        rentCents,
        active: !f.planned,
        planned: f.planned,
      },
      { onSuccess: (r) => { notify('success', t('backoffice.saved')); onSaved(r.site.id); } },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('backoffice.sites.new')}>
      <label>{t('backoffice.sites.name')}<input value={f.name} onChange={set('name')} aria-invalid={invalid('name')} /></label>
      <label>{t('backoffice.address')}<input value={f.address} onChange={set('address')} /></label>
      <label>{t('backoffice.commune')}<input value={f.commune} onChange={set('commune')} aria-invalid={invalid('commune')} /></label>
      <label>{t('backoffice.departement')}<input value={f.departement} onChange={set('departement')} aria-invalid={invalid('departement')} /></label>
      <label>{t('backoffice.interns.subdivision')}<input value={f.subdivision} onChange={set('subdivision')} /></label>
      <div className="form-row">
        <label>{t('backoffice.lng')}<input inputMode="decimal" value={f.lng} onChange={set('lng')} aria-invalid={invalid('location')} /></label>
        <label>{t('backoffice.lat')}<input inputMode="decimal" value={f.lat} onChange={set('lat')} aria-invalid={invalid('location')} /></label>
      </div>
      <label>
        {t('backoffice.sites.funder')}
        <select value={f.funder} onChange={set('funder')}>
          {FUNDERS.map((k) => <option key={k} value={k}>{t(`backoffice.funders.${k}`)}</option>)}
        </select>
      </label>
      <label>{t('backoffice.sites.funderName')}<input value={f.funderName} onChange={set('funderName')} /></label>
      <label>{t('backoffice.sites.rent')}<input inputMode="decimal" value={f.rent} onChange={set('rent')} /></label>
      <label className="check"><input type="checkbox" checked={f.planned} onChange={(e) => setF({ ...f, planned: e.target.checked })} />{t('backoffice.sites.plannedOnly')}</label>
      {localError && <p className="error" role="alert">{localError}</p>}
      <FormError error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>{t('backoffice.create')}</button>
    </form>
  );
}

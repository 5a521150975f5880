import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import type { Intern } from '../api/get-interns.ts';
import { useSaveIntern } from '../api/save-intern.ts';
import { centsOf } from './use-selection.ts';

/** Creates or edits an intern: identity, car, partner (an intern or not), peers, rent ceiling, drive limit. */
export function InternForm({ intern, interns, onSaved }: { intern?: Intern; interns: Intern[]; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(intern?.name ?? '');
  const [email, setEmail] = useState(intern?.email ?? '');
  const [subdivision, setSubdivision] = useState(intern?.subdivision ?? 'Tours');
  const [car, setCar] = useState(intern?.hasCar == null ? '' : intern.hasCar ? 'yes' : 'no');
  const [withPartner, setWithPartner] = useState(intern?.withPartner ?? false);
  const [partner, setPartner] = useState(intern?.partnerInternId ? String(intern.partnerInternId) : '');
  const [peers, setPeers] = useState<number[]>(intern?.peerInternIds ?? []);
  const [rent, setRent] = useState(intern?.maxRentCents == null ? '' : String(intern.maxRentCents / 100));
  const [limit, setLimit] = useState(intern?.limitMinutes == null ? '' : String(intern.limitMinutes));
  const [localError, setLocalError] = useState('');
  const save = useSaveIntern();
  const others = interns.filter((i) => i.id !== intern?.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const maxRentCents = centsOf(rent);
    const limitMinutes = limit.trim() === '' ? null : Number(limit);
    if (Number.isNaN(maxRentCents)) return setLocalError(t('backoffice.errEuros'));
    if (limitMinutes !== null && !(Number.isInteger(limitMinutes) && limitMinutes >= 5 && limitMinutes <= 240)) return setLocalError(t('backoffice.interns.errLimit'));
    setLocalError('');
    save.mutate(
      {
        id: intern?.id,
        name: name.trim(),
        email: email.trim() || null,
        subdivision: subdivision.trim(),
        hasCar: car === '' ? null : car === 'yes',
        withPartner,
        partnerInternId: partner ? Number(partner) : null,
        peerInternIds: peers,
        maxRentCents,
        limitMinutes,
      },
      { onSuccess: (r) => { notify('success', t('backoffice.saved')); onSaved(r.intern.id); } },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('backoffice.interns.form')}>
      <label>
        {t('backoffice.interns.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required aria-invalid={isFieldInvalid(save.error, 'body.name')} />
      </label>
      <label>
        {t('backoffice.email')}
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={isFieldInvalid(save.error, 'body.email')} />
      </label>
      <label>
        {t('backoffice.interns.subdivision')}
        <input value={subdivision} onChange={(e) => setSubdivision(e.target.value)} required />
      </label>
      <label>
        {t('backoffice.interns.car')}
        <select value={car} onChange={(e) => setCar(e.target.value)}>
          <option value="">{t('backoffice.unknown')}</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </select>
      </label>
      <label>
        {t('backoffice.interns.partnerIntern')}
        <select value={partner} onChange={(e) => setPartner(e.target.value)}>
          <option value="">{t('backoffice.none')}</option>
          {others.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={withPartner} onChange={(e) => setWithPartner(e.target.checked)} />
        {t('backoffice.interns.nonInternPartner')}
      </label>
      <fieldset className="choice-list">
        <legend>{t('backoffice.interns.peers')}</legend>
        {others.map((i) => (
          <label key={i.id} className="check">
            <input type="checkbox" checked={peers.includes(i.id)} onChange={(e) => setPeers(e.target.checked ? [...peers, i.id] : peers.filter((p) => p !== i.id))} />
            {i.name}
          </label>
        ))}
      </fieldset>
      <label>
        {t('backoffice.interns.maxRent')}
        <input inputMode="decimal" value={rent} onChange={(e) => setRent(e.target.value)} />
      </label>
      <label>
        {t('backoffice.interns.limit')}
        <input inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />
      </label>
      {localError && <p className="error" role="alert">{localError}</p>}
      <FormError error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>{intern ? t('common.save') : t('backoffice.create')}</button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../components/data-table.tsx';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import { usePractices, type Practice } from '../api/get-practices.ts';
import { useSavePractice } from '../api/save-practice.ts';
import { ListPage } from './list-page.tsx';
import { NEW, numberOf, useSearch, useSelection } from './use-selection.ts';

/** Creates or edits a practice: name, kind, supervisors, address, commune, département, position. */
function PracticeForm({ practice, onSaved }: { practice?: Practice; onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(practice?.name ?? '');
  const [kind, setKind] = useState<'gp_practice' | 'health_centre'>(practice?.kind === 'health_centre' ? 'health_centre' : 'gp_practice');
  const [supervisors, setSupervisors] = useState(practice?.supervisors.join(', ') ?? '');
  const [address, setAddress] = useState(practice?.address ?? '');
  const [commune, setCommune] = useState(practice?.commune ?? '');
  const [departement, setDepartement] = useState(practice?.departement ?? '');
  const [zone, setZone] = useState(practice?.underservedZone == null ? '' : practice.underservedZone ? 'yes' : 'no');
  const [lng, setLng] = useState(practice ? String(practice.location[0]) : '');
  const [lat, setLat] = useState(practice ? String(practice.location[1]) : '');
  const save = useSavePractice();
  const invalid = (f: string) => isFieldInvalid(save.error, `body.${f}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        id: practice?.id,
        name: name.trim(),
        kind,
        supervisors: supervisors.split(',').map((s) => s.trim()).filter(Boolean),
        address: address.trim() || null,
        commune: commune.trim(),
        departement: departement.trim(),
        location: [numberOf(lng), numberOf(lat)],
        underservedZone: zone === '' ? null : zone === 'yes',
      },
      { onSuccess: (r) => { notify('success', t('backoffice.saved')); onSaved(r.practice.id); } },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('backoffice.practices.form')}>
      <label>{t('backoffice.practices.name')}<input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('name')} /></label>
      <label>
        {t('backoffice.practices.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="gp_practice">{t('backoffice.practices.gp_practice')}</option>
          <option value="health_centre">{t('backoffice.practices.health_centre')}</option>
        </select>
      </label>
      <label>{t('backoffice.practices.supervisors')}<input value={supervisors} onChange={(e) => setSupervisors(e.target.value)} /></label>
      <label>{t('backoffice.address')}<input value={address} onChange={(e) => setAddress(e.target.value)} /></label>
      <label>{t('backoffice.commune')}<input value={commune} onChange={(e) => setCommune(e.target.value)} aria-invalid={invalid('commune')} /></label>
      <label>{t('backoffice.departement')}<input value={departement} onChange={(e) => setDepartement(e.target.value)} aria-invalid={invalid('departement')} /></label>
      <label>
        {t('aid.zone.label')}
        <select value={zone} onChange={(e) => setZone(e.target.value)}>
          <option value="">{t('aid.zone.unknown')}</option>
          <option value="yes">{t('aid.zone.yes')}</option>
          <option value="no">{t('aid.zone.no')}</option>
        </select>
      </label>
      <div className="form-row">
        <label>{t('backoffice.lng')}<input inputMode="decimal" value={lng} onChange={(e) => setLng(e.target.value)} aria-invalid={invalid('location')} /></label>
        <label>{t('backoffice.lat')}<input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} aria-invalid={invalid('location')} /></label>
      </div>
      <FormError error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>{practice ? t('common.save') : t('backoffice.create')}</button>
    </form>
  );
}

/** Staff: GP practices and health centres, with search; create and edit. */
export default function PracticesPage() {
  const { t } = useTranslation();
  const practices = usePractices();
  const [q, setQ] = useSearch();
  const sel = useSelection();
  const list = practices.data ?? [];
  const shown = list.filter((p) => matchesSearch(q, p.name, p.commune, p.departement, ...p.supervisors));
  const selected = sel.id ? list.find((p) => p.id === sel.id) : undefined;
  return (
    <ListPage
      title={t('backoffice.practices.title')}
      search={[q, setQ]}
      newLabel={t('backoffice.practices.new')}
      selection={sel}
      query={practices}
      rows={shown}
      name={{ header: t('backoffice.practices.name'), text: (p) => p.name }}
      columns={[
        { header: t('backoffice.practices.kind'), cell: (p) => t(`backoffice.practices.${p.kind}`, { defaultValue: p.kind }) },
        { header: t('backoffice.commune'), cell: (p) => p.commune },
        { header: t('backoffice.departement'), cell: (p) => p.departement },
        { header: t('backoffice.practices.supervisors'), cell: (p) => p.supervisors.join(', ') || '—' },
      ]}
      panel={
        sel.creating || selected
          ? {
              id: 'practice-panel-title',
              title: selected?.name ?? t('backoffice.practices.new'),
              body: <PracticeForm key={selected?.id ?? NEW} practice={selected} onSaved={(id) => id !== sel.id && sel.created(id)} />,
            }
          : undefined
      }
    />
  );
}

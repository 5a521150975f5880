import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { notify } from '../../../lib/notifications.ts';
import type { StaffSite } from '../api/get-sites.ts';
import type { Account } from '../api/get-users.ts';
import { useSaveSite, useSetSiteManagers } from '../api/save-site.ts';

/** One site: rename, withdraw or reopen, and name its managers (manager accounts). */
export function SitePanel({ site, managers }: { site: StaffSite; managers: Account[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState(site.name);
  const current = managers.filter((m) => m.managedSiteIds.includes(site.id)).map((m) => m.id);
  const [chosen, setChosen] = useState<number[]>(current);
  const save = useSaveSite();
  const setManagers = useSetSiteManagers();
  const withdrawn = !site.active && !site.planned;

  const rename = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: site.id, name: name.trim() }, { onSuccess: () => notify('success', t('backoffice.sites.renamed')) });
  };
  const withdraw = () =>
    window.confirm(t('backoffice.sites.confirmWithdraw', { name: site.name })) &&
    save.mutate({ id: site.id, active: false, planned: false }, { onSuccess: () => notify('success', t('backoffice.sites.withdrawn', { name: site.name })) });
  const reopen = () => save.mutate({ id: site.id, active: true, planned: false }, { onSuccess: () => notify('success', t('backoffice.saved')) });
  const saveManagers = (e: FormEvent) => {
    e.preventDefault();
    setManagers.mutate({ id: site.id, userIds: chosen }, { onSuccess: () => notify('success', t('backoffice.sites.managersSaved')) });
  };

  return (
    <>
      <p className="muted">{site.commune} · {site.departement} · {t(withdrawn ? 'backoffice.sites.withdrawnState' : site.planned ? 'backoffice.sites.plannedState' : 'backoffice.sites.openState')}</p>
      <form className="form inline-form" onSubmit={rename} noValidate aria-label={t('backoffice.sites.rename')}>
        <label className="grow">{t('backoffice.sites.name')}<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="primary" disabled={save.isPending || name.trim() === site.name}>{t('backoffice.sites.rename')}</button>
      </form>
      <FormError error={save.error} />
      <div className="actions">
        {withdrawn ? (
          <button type="button" onClick={reopen} disabled={save.isPending}>{t('backoffice.sites.reopen')}</button>
        ) : (
          <button type="button" className="danger" onClick={withdraw} disabled={save.isPending}>{t('backoffice.sites.withdraw')}</button>
        )}
      </div>
      <form className="form" onSubmit={saveManagers} aria-label={t('backoffice.sites.managers')}>
        <fieldset className="choice-list">
          <legend>{t('backoffice.sites.managers')}</legend>
          {managers.length === 0 && <p className="muted">{t('backoffice.sites.noManagers')}</p>}
          {managers.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, m.id] : chosen.filter((x) => x !== m.id))} />
              {m.name} <span className="muted small break">{m.email}</span>
            </label>
          ))}
        </fieldset>
        <FormError error={setManagers.error} />
        <button type="submit" disabled={setManagers.isPending}>{t('backoffice.sites.saveManagers')}</button>
      </form>
    </>
  );
}

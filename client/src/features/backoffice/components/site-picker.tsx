import { useTranslation } from 'react-i18next';
import type { StaffSite } from '../api/get-sites.ts';

/** Ticks the sites a manager looks after. */
export function SitePicker({ sites, value, onChange }: { sites: StaffSite[]; value: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="choice-list">
      <legend>{t('backoffice.accounts.managedSites')}</legend>
      {sites.map((s) => (
        <label key={s.id} className="check">
          <input type="checkbox" checked={value.includes(s.id)} onChange={(e) => onChange(e.target.checked ? [...value, s.id] : value.filter((x) => x !== s.id))} />
          {s.name}
        </label>
      ))}
    </fieldset>
  );
}

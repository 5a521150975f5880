import { useTranslation } from 'react-i18next';
import { DataTable, matchesSearch, SearchBox } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { STAFF_PATHS } from '../../../config/paths.ts';
import { day, euros } from '../../../lib/format.ts';
import { Link, useQueryParam } from '../../../lib/router.ts';
import { useAidSchemes } from '../api/aid-grants.ts';
import { useAidRegister } from '../api/get-aid-register.ts';
import { AidSchemes } from './aid-schemes.tsx';
import { useSearch } from './use-selection.ts';
import '../../../components/aid-estimate-list.css';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Staff « Aides »: the register of aid granted to the interns of their départements, filtered by
 * scheme, dates and state (all in the address), with the total; each intern links to their panel,
 * where grants are recorded and cancelled.
 */
export default function AidPage() {
  const { t } = useTranslation();
  const schemes = useAidSchemes();
  const [scheme, setScheme] = useQueryParam('dispositif', '');
  const [from, setFrom] = useQueryParam('du', '');
  const [to, setTo] = useQueryParam('au', '');
  const [cancelled, setCancelled] = useQueryParam('annulees', '');
  const [q, setQ] = useSearch();
  const register = useAidRegister({ schemeId: scheme ? Number(scheme) : undefined, from: isDate(from) ? from : undefined, to: isDate(to) ? to : undefined, cancelled: cancelled === '1' });
  const rows = (register.data?.grants ?? []).filter((g) => matchesSearch(q, g.intern.name, g.scheme.name, g.note));
  const live = rows.filter((g) => !g.cancelledAt);

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('aid.page.title')}</h1>
        <div className="toolbar filters">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          <label>
            {t('aid.register.scheme')}
            <select value={scheme} onChange={(e) => setScheme(e.target.value)}>
              <option value="">{t('aid.page.allSchemes')}</option>
              {(schemes.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label>
            {t('aid.page.from')}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('aid.page.to')}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className="check">
            <input type="checkbox" checked={cancelled === '1'} onChange={(e) => setCancelled(e.target.checked ? '1' : undefined)} /> {t('aid.page.withCancelled')}
          </label>
        </div>
      </div>
      <QueryState isLoading={register.isLoading} error={register.error} empty={!!register.data && rows.length === 0}>
        <p className="aid-total" role="status">{t('aid.page.total', { amount: euros(live.reduce((s, g) => s + g.amountCents, 0)), count: live.length })}</p>
        <DataTable
          caption={t('aid.page.caption')}
          rows={rows}
          rowKey={(g) => g.id}
          columns={[
            { header: t('aid.page.intern'), cell: (g) => <Link href={`${STAFF_PATHS.interns}?id=${g.intern.id}`}>{g.intern.name}</Link> },
            { header: t('aid.register.scheme'), cell: (g) => g.scheme.name },
            { header: t('aid.register.amount'), cell: (g) => euros(g.amountCents) },
            { header: t('aid.register.grantedOn'), cell: (g) => day(g.grantedOn) },
            { header: t('aid.register.note'), cell: (g) => g.note ?? '—' },
            { header: t('aid.page.status'), cell: (g) => (g.cancelledAt ? t('aid.register.cancelled') : t('aid.page.live')) },
          ]}
        />
      </QueryState>
      <AidSchemes />
    </main>
  );
}

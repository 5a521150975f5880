import { useTranslation } from 'react-i18next';
import { DataTable, matchesSearch, SearchBox } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { euros } from '../../../lib/format.ts';
import { useInterns, type Intern } from '../api/get-interns.ts';
import { usePlacements } from '../api/get-placements.ts';
import { usePractices } from '../api/get-practices.ts';
import { InternForm } from './intern-form.tsx';
import { placementText } from './placement-text.ts';
import { InternAidRegister } from './intern-aid-register.tsx';
import { PlacementsOfIntern } from './placements-of-intern.tsx';
import { NEW, useSearch, useSelection } from './use-selection.ts';

/** Staff: every intern with their placement, car, partner and peers; search, create, edit. */
export default function InternsPage() {
  const { t } = useTranslation();
  const interns = useInterns();
  const placements = usePlacements({});
  const practices = usePractices();
  const [q, setQ] = useSearch();
  const sel = useSelection();
  const list = interns.data ?? [];
  const byId = new Map(list.map((i) => [i.id, i]));
  const placementsOf = (id: number) => (placements.data ?? []).filter((p) => p.internId === id);
  const shown = list.filter((i) => matchesSearch(q, i.name, i.email, i.subdivision, ...placementsOf(i.id).map(placementText)));
  const selected = sel.id ? byId.get(sel.id) : undefined;
  const yesNo = (b: boolean | null) => (b === null ? '—' : b ? t('common.yes') : t('common.no'));
  const partnerText = (i: Intern) =>
    [i.partnerInternId ? byId.get(i.partnerInternId)?.name : null, i.withPartner ? t('backoffice.interns.nonInternPartner') : null].filter(Boolean).join(', ') || '—';

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('backoffice.interns.title')}</h1>
        <div className="toolbar">
          <SearchBox label={t('backoffice.search')} value={q} onChange={setQ} />
          <button type="button" className="primary" onClick={() => sel.open(NEW)}>{t('backoffice.interns.new')}</button>
        </div>
      </div>
      <div className="backoffice">
        <QueryState isLoading={interns.isLoading} error={interns.error}>
          <DataTable
            caption={t('backoffice.count', { count: shown.length })}
            rows={shown}
            rowKey={(i) => i.id}
            selected={sel.id}
            columns={[
              { header: t('backoffice.interns.name'), cell: (i) => <button type="button" className="link" onClick={() => sel.open(i.id)}>{i.name}</button> },
              { header: t('backoffice.interns.placement'), cell: (i) => placementsOf(i.id).map((p) => <div key={p.id}>{placementText(p)}</div>) },
              { header: t('backoffice.interns.car'), cell: (i) => yesNo(i.hasCar) },
              { header: t('backoffice.interns.partner'), cell: partnerText },
              { header: t('backoffice.interns.peers'), cell: (i) => i.peerInternIds.map((p) => byId.get(p)?.name ?? `#${p}`).join(', ') || '—' },
              { header: t('backoffice.interns.maxRent'), cell: (i) => euros(i.maxRentCents) },
              { header: t('backoffice.interns.account'), cell: (i) => yesNo(i.hasAccount) },
            ]}
          />
        </QueryState>
        {(sel.creating || selected) && (
          <section className="card panel" aria-labelledby="intern-panel-title">
            <div className="detail-head">
              <h2 id="intern-panel-title">{selected ? selected.name : t('backoffice.interns.new')}</h2>
              <button type="button" onClick={sel.close}>{t('common.close')}</button>
            </div>
            <InternForm key={selected?.id ?? NEW} intern={selected} interns={list} onSaved={(id) => id !== sel.id && sel.created(id)} />
            {selected && <PlacementsOfIntern internId={selected.id} placements={placementsOf(selected.id)} practices={practices.data ?? []} />}
            {selected && <InternAidRegister key={selected.id} internId={selected.id} placements={placementsOf(selected.id)} />}
          </section>
        )}
      </div>
    </main>
  );
}

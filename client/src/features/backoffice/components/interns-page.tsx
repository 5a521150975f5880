import { useTranslation } from 'react-i18next';
import { matchesSearch } from '../../../components/data-table.tsx';
import { euros } from '../../../lib/format.ts';
import { useInterns, type Intern } from '../api/get-interns.ts';
import { usePlacements } from '../api/get-placements.ts';
import { usePractices } from '../api/get-practices.ts';
import { InternForm } from './intern-form.tsx';
import { ListPage } from './list-page.tsx';
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
    <ListPage
      title={t('backoffice.interns.title')}
      search={[q, setQ]}
      newLabel={t('backoffice.interns.new')}
      selection={sel}
      query={interns}
      rows={shown}
      name={{ header: t('backoffice.interns.name'), text: (i) => i.name }}
      columns={[
        { header: t('backoffice.interns.placement'), cell: (i) => placementsOf(i.id).map((p) => <div key={p.id}>{placementText(p)}</div>) },
        { header: t('backoffice.interns.car'), cell: (i) => yesNo(i.hasCar) },
        { header: t('backoffice.interns.partner'), cell: partnerText },
        { header: t('backoffice.interns.peers'), cell: (i) => i.peerInternIds.map((p) => byId.get(p)?.name ?? `#${p}`).join(', ') || '—' },
        { header: t('backoffice.interns.maxRent'), cell: (i) => euros(i.maxRentCents) },
        { header: t('backoffice.interns.account'), cell: (i) => yesNo(i.hasAccount) },
      ]}
      panel={
        sel.creating || selected
          ? {
              id: 'intern-panel-title',
              title: selected ? selected.name : t('backoffice.interns.new'),
              body: (
                <>
                  <InternForm key={selected?.id ?? NEW} intern={selected} interns={list} onSaved={(id) => id !== sel.id && sel.created(id)} />
                  {selected && <PlacementsOfIntern internId={selected.id} placements={placementsOf(selected.id)} practices={practices.data ?? []} />}
                  {selected && <InternAidRegister key={selected.id} internId={selected.id} placements={placementsOf(selected.id)} />}
                </>
              ),
            }
          : undefined
      }
    />
  );
}

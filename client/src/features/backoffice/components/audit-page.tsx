import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useQueryParam } from '../../../lib/router.ts';
import { useAudit, type AuditEvent } from '../api/get-audit.ts';
import { useUsers } from '../api/get-users.ts';
import { AuditDiff } from './audit-diff.tsx';

const ENTITIES = ['Site', 'Room', 'AvailabilityWindow', 'Intern', 'Placement', 'Practice', 'User', 'Assignment', 'MatchingRun', 'RoomRequest', 'SitePreference'];
const positive = (s: string) => (/^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined);

/** Staff: the audit trail — who, what, when, before/after — filtered by entity, person and dates, page by page. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useQueryParam('entite', '');
  const [actor, setActor] = useQueryParam('qui', '');
  const [from, setFrom] = useQueryParam('du', '');
  const [to, setTo] = useQueryParam('au', '');
  const [before, setBefore] = useQueryParam('avant', '');
  const users = useUsers();
  const audit = useAudit({ entity: entity || undefined, actorId: positive(actor), from: from || undefined, to: to || undefined, beforeId: positive(before) });
  // A new filter starts from the newest events again.
  const filter = (set: (v: string) => void) => (v: string) => { setBefore(undefined); set(v); };
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const what = (e: AuditEvent) => `${t(`backoffice.audit.actions.${e.action}`, { defaultValue: e.action })} · ${t(`backoffice.audit.entities.${e.entity}`, { defaultValue: e.entity })}${e.entityId ? ` #${e.entityId}` : ''}`;

  return (
    <main id="main" className="page wide">
      <div className="page-head">
        <h1>{t('backoffice.audit.title')}</h1>
        <form className="toolbar" aria-label={t('backoffice.audit.filters')} onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('backoffice.audit.entity')}
            <select value={entity} onChange={(e) => filter(setEntity)(e.target.value)}>
              <option value="">{t('backoffice.all')}</option>
              {ENTITIES.map((k) => <option key={k} value={k}>{t(`backoffice.audit.entities.${k}`, { defaultValue: k })}</option>)}
            </select>
          </label>
          <label>
            {t('backoffice.audit.who')}
            <select value={actor} onChange={(e) => filter(setActor)(e.target.value)}>
              <option value="">{t('backoffice.all')}</option>
              {(users.data ?? []).filter((u) => u.role !== 'intern').map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </label>
          <label>{t('backoffice.audit.from')}<input type="date" value={from} onChange={(e) => filter(setFrom)(e.target.value)} /></label>
          <label>{t('backoffice.audit.to')}<input type="date" value={to} onChange={(e) => filter(setTo)(e.target.value)} /></label>
        </form>
      </div>
      <QueryState isLoading={audit.isLoading} error={audit.error}>
        <DataTable
          caption={t('backoffice.audit.caption', { count: audit.data?.events.length ?? 0 })}
          rows={audit.data?.events ?? []}
          rowKey={(e) => e.id}
          columns={[
            { header: t('backoffice.audit.when'), cell: (e) => <time dateTime={e.at}>{when(e.at)}</time> },
            { header: t('backoffice.audit.who'), cell: (e) => e.actor?.name ?? e.actor?.email ?? t('backoffice.audit.system') },
            { header: t('backoffice.audit.what'), cell: what },
            { header: t('backoffice.audit.changes'), cell: (e) => <AuditDiff before={e.before} after={e.after} /> },
          ]}
        />
        <div className="actions">
          {before && <button type="button" onClick={() => setBefore(undefined, { push: true })}>{t('backoffice.audit.newest')}</button>}
          {audit.data?.nextBeforeId && (
            <button type="button" onClick={() => setBefore(String(audit.data!.nextBeforeId), { push: true })}>{t('backoffice.audit.older')}</button>
          )}
        </div>
      </QueryState>
    </main>
  );
}

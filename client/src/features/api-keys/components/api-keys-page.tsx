import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state.tsx';
import { notify } from '../../../lib/notifications.ts';
import { useApiKeys, type ApiKey } from '../api/get-api-keys.ts';
import { useRevokeApiKey } from '../api/revoke-api-key.ts';
import { CreateKeyForm } from './create-key-form.tsx';
import { NewKeyNotice } from './new-key-notice.tsx';

function when(iso: string | null, lang: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** One key's row: its figures, and revoke with a confirmation step. */
function KeyRow({ k }: { k: ApiKey }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiKey();
  const doRevoke = () =>
    revoke.mutate(k.id, {
      onSuccess: () => {
        setConfirming(false);
        notify('success', t('apiKeys.revokedNotice', { label: k.label }));
      },
    });
  return (
    <tr className={k.revokedAt ? 'revoked' : undefined}>
      <th scope="row" data-label={t('apiKeys.label')}>
        {k.label}
        <span className="muted small"> · <code>{k.prefix}…</code></span>
      </th>
      <td data-label={t('apiKeys.owner')}>{k.owner.name}</td>
      <td data-label={t('apiKeys.quotas')}>{t('apiKeys.quotaValue', { perMinute: k.perMinute, perDay: k.perDay })}</td>
      <td data-label={t('apiKeys.usedToday')}>{t('apiKeys.usedValue', { used: k.usedToday, perDay: k.perDay })}</td>
      <td data-label={t('apiKeys.lastUsed')}>{k.lastUsedAt ? when(k.lastUsedAt, i18n.language) : t('apiKeys.never')}</td>
      <td data-label={t('apiKeys.state')}>
        {k.revokedAt ? (
          <span>{t('apiKeys.revokedOn', { date: when(k.revokedAt, i18n.language) })}</span>
        ) : confirming ? (
          <span className="confirm" role="group" aria-label={t('apiKeys.confirmFor', { label: k.label })}>
            <span className="small">{t('apiKeys.confirmText')}</span>
            <span className="row-actions">
              <button type="button" className="danger" onClick={doRevoke} disabled={revoke.isPending}>{t('apiKeys.confirmRevoke')}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
            </span>
          </span>
        ) : (
          <span className="row-actions">
            <span>{t('apiKeys.active')}</span>
            <button type="button" onClick={() => setConfirming(true)} aria-label={t('apiKeys.revokeFor', { label: k.label })}>{t('apiKeys.revoke')}</button>
          </span>
        )}
      </td>
    </tr>
  );
}

/** "Clés API": staff create keys for the ORS-compatible API (shown once), follow their use, revoke them. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const [created, setCreated] = useState<{ label: string; key: string }>();
  const list = keys.data ?? [];
  return (
    <main id="main" className="page api-keys">
      <div className="page-head">
        <h1>{t('apiKeys.title')}</h1>
        <p className="muted">{t('apiKeys.intro')}</p>
      </div>
      {created ? <NewKeyNotice created={created} onDone={() => setCreated(undefined)} /> : <CreateKeyForm onCreated={setCreated} />}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('apiKeys.listTitle', { count: list.length })}</h2>
        <QueryState isLoading={keys.isLoading} error={keys.error} empty={list.length === 0}>
          <div className="table-wrap">
            <table className="stack-table">
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.label')}</th>
                  <th scope="col">{t('apiKeys.owner')}</th>
                  <th scope="col">{t('apiKeys.quotas')}</th>
                  <th scope="col">{t('apiKeys.usedToday')}</th>
                  <th scope="col">{t('apiKeys.lastUsed')}</th>
                  <th scope="col">{t('apiKeys.state')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((k) => <KeyRow key={k.id} k={k} />)}
              </tbody>
            </table>
          </div>
        </QueryState>
      </section>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state.tsx';
import { useQueryParam } from '../../../lib/router.ts';
import { useOutbox } from '../api/get-outbox.ts';

const KINDS = ['proposal', 'answer', 'confirmation', 'cancellation', 'invitation', 'password-reset'] as const;

/**
 * « Courriels »: every e-mail notice the app wrote, newest first, with its state.
 * Without SMTP_URL nothing leaves, and this page is where they are read.
 */
export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useQueryParam('type', '');
  const outbox = useOutbox(kind);
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return (
    <main id="main" className="page">
      <h1>{t('life.outbox.title')}</h1>
      <p className="muted">{t('life.outbox.intro')}</p>
      {outbox.data && !outbox.data.smtp && <p className="notice" role="note">{t('life.outbox.noSmtp')}</p>}
      <p className="toolbar">
        <label>
          {t('life.outbox.kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('life.outbox.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>{t(`life.outbox.kinds.${k}`)}</option>
            ))}
          </select>
        </label>
      </p>
      <QueryState isLoading={outbox.isLoading} error={outbox.error} empty={outbox.data?.messages.length === 0}>
        <ul className="outbox">
          {(outbox.data?.messages ?? []).map((m) => (
            <li key={m.id} className="card" data-kind={m.kind} data-status={m.status}>
              <details>
                <summary>
                  <strong>{m.subject}</strong>
                  <span className="small">
                    {' '}· {t('life.outbox.to')} {m.to} · {t(`life.outbox.kinds.${m.kind}`, { defaultValue: m.kind })} · {t(`life.outbox.statuses.${m.status}`, { defaultValue: m.status })} · {when(m.sentAt ?? m.createdAt)}
                  </span>
                  {m.lastError && <span className="warn small"> · {m.lastError}</span>}
                </summary>
                <pre className="mail-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      </QueryState>
    </main>
  );
}

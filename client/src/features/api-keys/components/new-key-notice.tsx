import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';

/** The key just created, shown this once, with a copy button and how to send it. */
export function NewKeyNotice({ created, onDone }: { created: { label: string; key: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      notify('success', t('apiKeys.copied'));
    } catch {
      // No clipboard (permission, insecure origin): select the key so the user can copy it by hand.
      field.current?.select();
      notify('info', t('apiKeys.copyByHand'));
    }
  };
  return (
    <section className="card new-key" role="region" aria-labelledby="created-key-title">
      <h2 id="created-key-title">{t('apiKeys.createdTitle', { label: created.label })}</h2>
      <p>{t('apiKeys.onlyOnce')}</p>
      <div className="actions">
        <label className="grow key-field">
          <span className="sr-only">{t('apiKeys.theKey')}</span>
          <input ref={field} type="text" readOnly value={created.key} aria-label={t('apiKeys.theKey')} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" onClick={copy}>{t('apiKeys.copy')}</button>
        <button type="button" onClick={onDone}>{t('apiKeys.done')}</button>
      </div>
      <p className="small muted">{t('apiKeys.howToUse')}</p>
      <pre className="small"><code>{`curl -H 'Authorization: ${created.key}' -H 'Content-Type: application/json' \\\n  -d '{"locations":[[1.06,47.8],[1.33,47.59]]}' ${window.location.origin}/ors/v2/matrix/driving-car`}</code></pre>
    </section>
  );
}

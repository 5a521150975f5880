import { useTranslation } from 'react-i18next';
import { dismiss, useNotices } from '../lib/notifications.ts';

/** The live region where API errors and confirmations appear. */
export function Toasts() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions">
      {notices.map((n) => (
        <div key={n.id} className={`toast ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="icon" onClick={() => dismiss(n.id)} aria-label={t('common.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { useCreateApiKey } from '../api/create-api-key.ts';

/** Quotas a new key starts with: openrouteservice's free plan for its matrix. */
const DEFAULT_PER_MINUTE = 40;
const DEFAULT_PER_DAY = 500;

/** Creates a key (label and quotas); hands the raw key, shown once, to `onCreated`. */
export function CreateKeyForm({ onCreated }: { onCreated: (created: { label: string; key: string }) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [perMinute, setPerMinute] = useState(DEFAULT_PER_MINUTE);
  const [perDay, setPerDay] = useState(DEFAULT_PER_DAY);
  const [error, setError] = useState<string>();
  const create = useCreateApiKey();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError(t('apiKeys.errLabel'));
    if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 10_000) return setError(t('apiKeys.errPerMinute'));
    if (!Number.isInteger(perDay) || perDay < perMinute || perDay > 10_000_000) return setError(t('apiKeys.errPerDay'));
    setError(undefined);
    create.mutate(
      { label: label.trim(), perMinute, perDay },
      {
        onSuccess: (r) => {
          onCreated({ label: r.apiKey.label, key: r.key });
          setLabel('');
        },
        onError: (err) => setError(err instanceof ApiError && err.id === 'validation' ? err.message : t('errors.internal')),
      },
    );
  };
  return (
    <form className="form inline-form card" onSubmit={submit} noValidate aria-labelledby="new-key-title">
      <h2 id="new-key-title" className="full">{t('apiKeys.newTitle')}</h2>
      <label className="grow">
        {t('apiKeys.label')}
        <input type="text" value={label} maxLength={120} placeholder={t('apiKeys.labelHint')} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        {t('apiKeys.perMinute')}
        <input type="number" min={1} max={10000} value={perMinute} onChange={(e) => setPerMinute(Number(e.target.value))} />
      </label>
      <label>
        {t('apiKeys.perDay')}
        <input type="number" min={1} max={10000000} value={perDay} onChange={(e) => setPerDay(Number(e.target.value))} />
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>{t('apiKeys.create')}</button>
      {error && <p className="error full" role="alert">{error}</p>}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { useCreateRoom } from '../api/create-room.ts';
import { MAX_BEDS_PER_ROOM } from './room-error.ts';

/** Adds a room (label and number of beds) to a site. */
export function AddRoomForm({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [beds, setBeds] = useState(1);
  const [error, setError] = useState<string>();
  const create = useCreateRoom();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError(t('manager.errLabel'));
    if (!Number.isInteger(beds) || beds < 1 || beds > MAX_BEDS_PER_ROOM) return setError(t('manager.errBeds', { max: MAX_BEDS_PER_ROOM }));
    setError(undefined);
    create.mutate(
      { siteId, label: label.trim(), beds },
      {
        onSuccess: () => {
          notify('success', t('manager.roomAdded', { room: label.trim() }));
          setLabel('');
          setBeds(1);
        },
        onError: (err) => setError(err.message),
      },
    );
  };
  return (
    <form className="form inline-form card" onSubmit={submit} noValidate aria-label={t('manager.addRoom')}>
      <label className="grow">
        {t('manager.roomLabel')}
        <input type="text" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        {t('manager.bedCount')}
        <input type="number" min={1} max={MAX_BEDS_PER_ROOM} value={beds} onChange={(e) => setBeds(Number(e.target.value))} />
      </label>
      <button type="submit" disabled={create.isPending}>{t('manager.addRoom')}</button>
      {error && <p className="error full" role="alert">{error}</p>}
    </form>
  );
}

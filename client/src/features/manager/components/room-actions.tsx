import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../lib/notifications.ts';
import { useDeleteRoom } from '../api/delete-room.ts';
import type { ManagedRoom } from '../api/get-my-sites.ts';
import { useRenameRoom } from '../api/update-room.ts';
import { roomErrorMessage } from './room-error.ts';

/** Rename (inline form) and delete (with confirmation) of one room. */
export function RoomActions({ room }: { room: ManagedRoom }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [label, setLabel] = useState(room.label);
  const [error, setError] = useState<string>();
  const rename = useRenameRoom();
  const del = useDeleteRoom();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = label.trim();
    if (!next) return setError(t('manager.errLabel'));
    setError(undefined);
    rename.mutate(
      { id: room.id, label: next },
      {
        onSuccess: () => {
          notify('success', t('manager.roomRenamed', { room: next }));
          setRenaming(false);
        },
        onError: (err) => setError(roomErrorMessage(err, t)),
      },
    );
  };
  const remove = () => {
    setError(undefined);
    del.mutate(room.id, {
      onSuccess: () => notify('success', t('manager.roomDeleted', { room: room.label })),
      onError: (err) => {
        setConfirming(false);
        setError(roomErrorMessage(err, t));
      },
    });
  };

  return (
    <div className="room-actions">
      {renaming ? (
        <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('manager.renameRoomOf', { room: room.label })}>
          <label className="grow">
            {t('manager.roomLabel')}
            <input type="text" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={rename.isPending}>{t('common.save')}</button>
          <button type="button" onClick={() => { setRenaming(false); setLabel(room.label); setError(undefined); }}>{t('common.cancel')}</button>
        </form>
      ) : confirming ? (
        <p className="row-actions">
          <span>{t('manager.confirmDeleteRoom', { room: room.label })}</span>
          <button type="button" className="danger" onClick={remove} disabled={del.isPending}>{t('manager.confirmDelete')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
        </p>
      ) : (
        <span className="row-actions">
          <button type="button" onClick={() => { setRenaming(true); setError(undefined); }} aria-label={t('manager.renameRoomOf', { room: room.label })}>{t('manager.renameRoom')}</button>
          <button type="button" onClick={() => { setConfirming(true); setError(undefined); }} aria-label={t('manager.deleteRoomOf', { room: room.label })}>{t('manager.deleteRoom')}</button>
        </span>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { day } from '../../../lib/format.ts';
import { monthsOf, type Semester } from '../../../lib/semesters.ts';
import { useDeleteAvailability } from '../api/delete-availability.ts';
import type { ManagedRoom } from '../api/get-my-sites.ts';
import type { Occupant } from '../api/get-occupants.ts';
import { AvailabilityForm } from './availability-form.tsx';
import { RoomActions } from './room-actions.tsx';
import { segment } from './calendar-math.ts';

/**
 * One semester's calendar for a site: a row per room with its availability
 * (green) and occupants (blue), then, per room, the windows as a list with
 * edit/delete and a form to add one.
 */
export function SemesterCalendar({ semester, rooms, occupants }: { semester: Semester; rooms: ManagedRoom[]; occupants: Occupant[] }) {
  const { t, i18n } = useTranslation();
  const months = monthsOf(semester);
  const del = useDeleteAvailability();
  const [editing, setEditing] = useState<number>();
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <div className="calendar">
      <div className="cal-grid" aria-hidden="true">
        <div className="cal-row cal-head">
          <div className="cal-label" />
          <div className="cal-track">
            {months.map((m) => (
              <span key={m} className="cal-month">{monthName(m)}</span>
            ))}
          </div>
        </div>
        {rooms.map((r) => (
          <div key={r.id} className="cal-row">
            <div className="cal-label">{r.label}</div>
            <div className="cal-track">
              {r.availability.map((w) => {
                const seg = segment(semester, w.startDate, w.endDate);
                return seg && <span key={w.id} className="cal-bar available" style={{ left: `${seg.left}%`, width: `${seg.width}%` }} />;
              })}
              {occupants
                .filter((o) => o.room === r.label)
                .map((o, i) => {
                  const seg = segment(semester, o.startDate, o.endDate);
                  return seg && <span key={i} className="cal-bar occupied" style={{ left: `${seg.left}%`, width: `${seg.width}%` }} title={o.name}>{o.name}</span>;
                })}
            </div>
          </div>
        ))}
      </div>
      <ul className="legend">
        <li><span className="swatch available" aria-hidden="true" /> {t('manager.available')}</li>
        <li><span className="swatch occupied" aria-hidden="true" /> {t('manager.occupied')}</li>
      </ul>
      {rooms.map((r) => {
        const inSemester = r.availability.filter((w) => segment(semester, w.startDate, w.endDate));
        const roomOccupants = occupants.filter((o) => o.room === r.label);
        return (
          <section key={r.id} className="room card" aria-labelledby={`room-${r.id}`}>
            <h3 id={`room-${r.id}`}>
              {r.label} <span className="muted">· {t('site.beds', { count: r.bedCount })}</span>
            </h3>
            <RoomActions key={`${r.id}-${r.label}`} room={r} />
            {inSemester.length === 0 ? (
              <p className="muted">{t('manager.noWindow')}</p>
            ) : (
              <ul className="windows" aria-label={t('manager.windowsOf', { room: r.label })}>
                {inSemester.map((w) =>
                  editing === w.id ? (
                    <li key={w.id}>
                      <AvailabilityForm roomId={r.id} roomLabel={r.label} semester={semester} window={w} onDone={() => setEditing(undefined)} />
                    </li>
                  ) : (
                    <li key={w.id}>
                      <span>
                        {t('manager.availableFromTo', { from: day(w.startDate), to: day(w.endDate) })}
                        {w.note && <span className="muted"> — {w.note}</span>}
                      </span>
                      <span className="row-actions">
                        <button type="button" onClick={() => setEditing(w.id)}>{t('common.edit')}</button>
                        <button type="button" onClick={() => del.mutate(w.id)} disabled={del.isPending} aria-label={t('manager.deleteWindow', { from: day(w.startDate), to: day(w.endDate) })}>
                          {t('common.delete')}
                        </button>
                      </span>
                    </li>
                  ),
                )}
              </ul>
            )}
            {roomOccupants.length > 0 && (
              <p className="small">
                {t('manager.occupants')}: {roomOccupants.map((o) => `${o.name} (${day(o.startDate)} → ${day(o.endDate)})`).join(', ')}
              </p>
            )}
            <AvailabilityForm roomId={r.id} roomLabel={r.label} semester={semester} />
          </section>
        );
      })}
    </div>
  );
}

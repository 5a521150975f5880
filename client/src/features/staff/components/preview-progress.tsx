import { useTranslation } from 'react-i18next';
import type { PreviewJob } from '../api/preview-job-schema.ts';

/** Elapsed time as "8 s" or "2 min 05 s". */
function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * A running matching preview: its step (with the exact search's figures when
 * it reports some), the time since it started, and « Annuler ».
 */
export function PreviewProgress({ job, onCancel, cancelling }: { job: PreviewJob | null; onCancel: () => void; cancelling: boolean }) {
  const { t } = useTranslation();
  const phase = job?.phase ?? 'queued';
  const s = job?.search;
  const figures = s
    ? [
        s.method === 'mip' && s.stage && s.stages ? t('pjob.stage', { stage: s.stage, stages: s.stages }) : null,
        t('pjob.nodes', { count: s.nodes }),
        s.incumbentHoused !== undefined && s.incumbentHoused !== null ? t('pjob.incumbent', { count: s.incumbentHoused }) : null,
        s.gap !== undefined && s.gap !== null ? t('pjob.gap', { gap: Math.round(s.gap * 1000) / 10 }) : null,
      ].filter(Boolean)
    : [];
  return (
    <section className="card preview-progress" aria-labelledby="preview-progress-title">
      <h2 id="preview-progress-title">{t('pjob.title')}</h2>
      <progress aria-label={t('pjob.title')} />
      <p role="status">
        {t(`pjob.phase.${phase}`, { defaultValue: phase })}
        {figures.length > 0 && <span className="muted small"> — {figures.join(' · ')}</span>}
      </p>
      <p className="muted small">
        {t('pjob.elapsed')} <span data-testid="preview-elapsed">{elapsed(job?.elapsedMs ?? 0)}</span>
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling || !job}>
        {t('pjob.cancel')}
      </button>
    </section>
  );
}

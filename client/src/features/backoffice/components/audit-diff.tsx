import { useTranslation } from 'react-i18next';

/** A value of a snapshot as a short text. */
function show(v: unknown): string {
  if (v === undefined) return '∅';
  if (v === null) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });

/** The fields an event changed, `before → after`; for a creation only the new values. */
export function diffOf(before: unknown, after: unknown): { key: string; before?: string; after?: string }[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'updatedAt' && k !== 'createdAt');
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ key: k, before: k in b ? show(b[k]) : undefined, after: k in a ? show(a[k]) : undefined }));
}

const SHOWN = 6;

function Lines({ rows }: { rows: ReturnType<typeof diffOf> }) {
  return (
    <ul className="diff">
      {rows.map((r) => (
        <li key={r.key}>
          <code>{r.key}</code> {r.before !== undefined && <del>{r.before}</del>} {r.before !== undefined && r.after !== undefined && '→'} {r.after !== undefined && <ins>{r.after}</ins>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Before/after of one audit event, as a list of changed fields; a creation
 * lists only the values it set, and a long list folds after a few lines.
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const all = diffOf(before, after).filter((r) => r.before !== undefined || (r.after !== '—' && r.after !== '[]'));
  if (all.length === 0) return <span className="muted">—</span>;
  return (
    <>
      <Lines rows={all.slice(0, SHOWN)} />
      {all.length > SHOWN && (
        <details>
          <summary>{t('backoffice.audit.more', { count: all.length - SHOWN })}</summary>
          <Lines rows={all.slice(SHOWN)} />
        </details>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { AidEstimate, AidReason, SchemeEstimate } from '../lib/aid.ts';
import { day, euros } from '../lib/format.ts';
import { EstimateBadge } from './estimate-badge.tsx';
import './aid-estimate-list.css';

const MARK: Record<AidReason['outcome'], string> = { met: '✓', not_met: '✗', unknown: '?', conflict: '!', info: '·' };

/** One reason in the reader's language, from its code and parameters. */
export function AidReasonText({ reason }: { reason: AidReason }) {
  const { t } = useTranslation();
  const p = reason.params ?? {};
  const values = {
    ...p,
    perMonth: typeof p.centsPerMonth === 'number' ? euros(p.centsPerMonth) : undefined,
    amount: typeof p.amountCents === 'number' ? euros(p.amountCents) : undefined,
    date: typeof p.grantedOn === 'string' ? day(p.grantedOn) : undefined,
    km: typeof p.km === 'number' ? Math.round(p.km) : p.km,
  };
  const key = reason.code === 'distance_band' && p.toKm === null ? 'distance_band_open' : reason.code;
  return (
    <>
      {t(`aid.reason.${key}.${reason.outcome}`, { ...values, defaultValue: t(`aid.reason.${key}.any`, { ...values, defaultValue: reason.code }) })}
      {p.estimate === true && <> <EstimateBadge estimate /></>}
    </>
  );
}

/** One scheme: its name, status, amount and every reason, each marked met / not met / unknown / conflict. */
function SchemeCard({ scheme }: { scheme: SchemeEstimate }) {
  const { t } = useTranslation();
  return (
    <li className={`card aid-scheme aid-${scheme.status}`} data-code={scheme.code} data-status={scheme.status}>
      <p className="aid-head">
        <strong>{scheme.name}</strong> <span className={`aid-status aid-status-${scheme.status}`}>{t(`aid.status.${scheme.status}`)}</span>
      </p>
      {scheme.amountCents !== null && (
        <p className="aid-amount">
          {euros(scheme.amountCents)}
          {scheme.monthlyCents !== null && scheme.months !== null && <span className="muted"> ({t('aid.perMonth', { amount: euros(scheme.monthlyCents), count: scheme.months })})</span>}
        </p>
      )}
      <ul className="aid-reasons">
        {scheme.reasons.map((r, i) => (
          <li key={i} data-outcome={r.outcome}>
            <span aria-hidden="true" className={`aid-mark aid-mark-${r.outcome}`}>{MARK[r.outcome]}</span>{' '}
            <span className="sr-only">{t(`aid.outcome.${r.outcome}`)} : </span>
            <AidReasonText reason={r} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** An intern's aid estimate: the placement it is for and each scheme with its verdict, amount and reasons. */
export function AidEstimateList({ estimate }: { estimate: AidEstimate }) {
  const { t } = useTranslation();
  if (estimate.schemes.length === 0) return <p className="muted">{t('aid.noScheme')}</p>;
  return (
    <>
      {estimate.placement && (
        <p className="muted small">
          {t('aid.forPlacement', { practices: estimate.placement.practices.map((p) => p.name).join(' + '), start: day(estimate.placement.startDate), end: day(estimate.placement.endDate) })}
        </p>
      )}
      <ul className="aid-list">
        {estimate.schemes.map((s) => (
          <SchemeCard key={s.schemeId} scheme={s} />
        ))}
      </ul>
    </>
  );
}

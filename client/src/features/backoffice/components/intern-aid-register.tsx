import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AidEstimateList } from '../../../components/aid-estimate-list.tsx';
import { FormError, isFieldInvalid } from '../../../components/form-error.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { centsFromEuros } from '../../../lib/aid.ts';
import { day, euros } from '../../../lib/format.ts';
import { notify } from '../../../lib/notifications.ts';
import { useAidSchemes, useCancelGrant, useCreateGrant, useInternAid, useInternGrants } from '../api/aid-grants.ts';
import type { Placement } from '../api/get-placements.ts';
import { placementText } from './placement-text.ts';

/**
 * The intern's aid register in their back-office panel: what they may claim (the estimator's
 * verdicts), what was granted (cancel keeps it, marked cancelled) and a form to record a grant,
 * its amount prefilled from the estimate.
 */
export function InternAidRegister({ internId, placements }: { internId: number; placements: Placement[] }) {
  const { t } = useTranslation();
  const grants = useInternGrants(internId);
  const estimate = useInternAid(internId);
  const cancel = useCancelGrant();
  const doCancel = (id: number) => {
    if (!window.confirm(t('aid.register.confirmCancel'))) return;
    cancel.mutate(id, { onSuccess: () => notify('success', t('aid.register.cancelDone')) });
  };
  return (
    <section aria-labelledby="intern-aid-title" className="intern-aid">
      <h3 id="intern-aid-title">{t('aid.register.title')}</h3>
      <QueryState isLoading={grants.isLoading} error={grants.error}>
        {(grants.data ?? []).length === 0 ? (
          <p className="muted">{t('aid.register.none')}</p>
        ) : (
          <ul className="plain-list aid-grants">
            {(grants.data ?? []).map((g) => (
              <li key={g.id} className={g.cancelledAt ? 'muted' : undefined} data-grant={g.id}>
                <strong>{g.scheme.name}</strong> · {euros(g.amountCents)} · {day(g.grantedOn)}
                {g.note && <> · « {g.note} »</>}
                {g.cancelledAt ? (
                  <> · <span className="status">{t('aid.register.cancelled')}</span></>
                ) : (
                  <>
                    {' '}
                    <button type="button" className="link" disabled={cancel.isPending} onClick={() => doCancel(g.id)} aria-label={t('aid.register.cancelFor', { scheme: g.scheme.name, date: day(g.grantedOn) })}>
                      {t('aid.register.cancel')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <details>
        <summary>{t('aid.register.estimateTitle')}</summary>
        <QueryState isLoading={estimate.isLoading} error={estimate.error}>
          {estimate.data && <AidEstimateList estimate={estimate.data} />}
        </QueryState>
      </details>
      <details>
        <summary>{t('aid.register.add')}</summary>
        <GrantForm key={`${grants.data?.length ?? 0}-${estimate.data ? 'estimated' : 'loading'}`} internId={internId} placements={placements} suggested={estimate.data} />
      </details>
    </section>
  );
}

type Estimate = ReturnType<typeof useInternAid>['data'];

/** Records a grant: scheme, amount in euros (stored in cents), date, placement, note. */
function GrantForm({ internId, placements, suggested }: { internId: number; placements: Placement[]; suggested: Estimate }) {
  const { t } = useTranslation();
  const schemes = useAidSchemes();
  const create = useCreateGrant();
  const [schemeId, setSchemeId] = useState('');
  const [amount, setAmount] = useState('');
  const [grantedOn, setGrantedOn] = useState(new Date().toISOString().slice(0, 10));
  const [placementId, setPlacementId] = useState(suggested?.placement ? String(suggested.placement.id) : '');
  const [note, setNote] = useState('');
  const [badAmount, setBadAmount] = useState(false);
  const invalid = (f: string) => isFieldInvalid(create.error, `body.${f}`);

  const chooseScheme = (id: string) => {
    setSchemeId(id);
    const verdict = suggested?.schemes.find((s) => String(s.schemeId) === id);
    if (verdict?.amountCents) setAmount(String(verdict.amountCents / 100).replace('.', ','));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amountCents = centsFromEuros(amount);
    setBadAmount(amountCents === undefined);
    if (amountCents === undefined) return;
    // mutateAsync: the form is remounted (emptied) once the list refreshes, before a mutate callback would run.
    create
      .mutateAsync({ internId, schemeId: Number(schemeId), amountCents, grantedOn, placementId: placementId ? Number(placementId) : null, note: note || null })
      .then(() => notify('success', t('aid.register.saved')), () => undefined);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t('aid.register.add')}>
      <label>
        {t('aid.register.scheme')}
        <select value={schemeId} onChange={(e) => chooseScheme(e.target.value)} aria-invalid={invalid('schemeId')}>
          <option value="">—</option>
          {(schemes.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <div className="form-row">
        <label>
          {t('aid.register.amount')}
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={badAmount || invalid('amountCents')} />
        </label>
        <label>
          {t('aid.register.grantedOn')}
          <input type="date" value={grantedOn} onChange={(e) => setGrantedOn(e.target.value)} aria-invalid={invalid('grantedOn')} />
        </label>
      </div>
      <label>
        {t('aid.register.placement')}
        <select value={placementId} onChange={(e) => setPlacementId(e.target.value)} aria-invalid={invalid('placementId')}>
          <option value="">{t('aid.register.noPlacement')}</option>
          {placements.map((p) => <option key={p.id} value={p.id}>{placementText(p)}</option>)}
        </select>
      </label>
      <label>
        {t('aid.register.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </label>
      {badAmount && <p className="error" role="alert">{t('aid.register.badAmount')}</p>}
      <FormError error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending || !schemeId}>{t('aid.register.save')}</button>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AidEstimateList } from '../../../components/aid-estimate-list.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { notify } from '../../../lib/notifications.ts';
import { useMyAid } from '../api/get-my-aid.ts';
import { usePutHousingAid } from '../api/put-housing-aid.ts';

/**
 * « Mes aides »: each aid scheme the intern may claim for the placement shown, with the amount and
 * the reasons (met, not met, to confirm, conflict), and the one question only they can answer:
 * do they receive public housing aid (which rules out the flat housing allowance).
 */
export function MyAid({ placementId }: { placementId: number | undefined }) {
  const { t } = useTranslation();
  const aid = useMyAid(placementId);
  const answer = usePutHousingAid();
  // The answer shows as soon as it is given; the estimate follows once saved.
  const [given, setGiven] = useState<boolean | undefined>();
  const current = given ?? aid.data?.receivesHousingAid;
  const asks = aid.data?.schemes.some((s) => s.reasons.some((r) => r.code === 'housing_aid')) ?? false;
  const save = (value: boolean) => {
    setGiven(value);
    answer.mutate(value, { onSuccess: () => notify('success', t('aid.housingAid.saved')), onError: () => setGiven(undefined) });
  };
  return (
    <section aria-labelledby="my-aid-title" className="my-aid">
      <h2 id="my-aid-title" className="list-title">{t('aid.title')}</h2>
      <p className="muted small">{t('aid.intro')}</p>
      <QueryState isLoading={aid.isLoading} error={aid.error}>
        {aid.data && (
          <>
            {asks && (
              <fieldset className="card housing-aid">
                <legend>{t('aid.housingAid.question')}</legend>
                <label>
                  <input type="radio" name="housing-aid" checked={current === true} disabled={answer.isPending} onChange={() => save(true)} /> {t('aid.housingAid.yes')}
                </label>{' '}
                <label>
                  <input type="radio" name="housing-aid" checked={current === false} disabled={answer.isPending} onChange={() => save(false)} /> {t('aid.housingAid.no')}
                </label>
              </fieldset>
            )}
            <AidEstimateList estimate={aid.data} />
          </>
        )}
      </QueryState>
    </section>
  );
}

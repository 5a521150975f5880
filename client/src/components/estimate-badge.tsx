import { useTranslation } from 'react-i18next';

/** Says "estimé" next to a drive time computed from straight-line distance rather than roads. */
export function EstimateBadge({ estimate }: { estimate?: boolean | null }) {
  const { t } = useTranslation();
  if (!estimate) return null;
  return (
    <abbr className="badge estimate" title={t('common.estimateHint')}>
      {t('common.estimate')}
    </abbr>
  );
}

import { useTranslation } from 'react-i18next';

/** What the marker colours mean. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('map.legend')}>
      <li><span className="dot tone-many" aria-hidden="true" /> {t('map.many')}</li>
      <li><span className="dot tone-few" aria-hidden="true" /> {t('map.few')}</li>
      <li><span className="dot tone-none" aria-hidden="true" /> {t('map.none')}</li>
      <li><span className="dot tone-unknown" aria-hidden="true" /> {t('map.unknown')}</li>
    </ul>
  );
}

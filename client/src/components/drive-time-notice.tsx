import { useTranslation } from 'react-i18next';
import { useMapConfig } from './map/api/get-map-config.ts';

/**
 * A notice under the header when this server has no road data, so every drive time is a straight-line
 * estimate: nobody should mistake them for real drives. Staff also read how to install roads.
 */
export function DriveTimeNotice({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  const config = useMapConfig();
  if (!config.data?.driveTimes.estimate) return null;
  return (
    <p className="drive-time-notice" role="note">
      <strong>{t('driveTimes.estimateTitle')}</strong> {t('driveTimes.estimateBody')}
      {staff && <> {t('driveTimes.estimateFix')} <code>npm run roads:fetch -- centre-val-de-loire</code></>}
    </p>
  );
}

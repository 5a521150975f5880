import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client.ts';

/** The error a form's last submission got from the API, said where the form is (the field is named). */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  const lead = t(`errors.${error.id}`, { defaultValue: t('errors.internal') });
  const detail = error.id === 'validation' || error.id === 'conflict' || error.id === 'not_found' ? ` ${error.message}` : '';
  return <p className="error" role="alert">{lead}{detail}</p>;
}

/** True when the API named this field (e.g. `body.name`) as the problem. */
export function isFieldInvalid(error: unknown, field: string): boolean {
  return error instanceof ApiError && (error.field === field || error.field?.startsWith(`${field}.`) === true);
}

import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { sitesCsvHref } from '../../../lib/export-links.ts';
import { notify } from '../../../lib/notifications.ts';
import { useQueryParam } from '../../../lib/router.ts';
import { importIssueSchema, useImportSites, type ImportFile, type ImportIssue, type ImportSummary } from '../api/import-sites.ts';
import { z } from 'zod';

/** Every problem of a refused import, from the error's details. */
function issuesOf(err: unknown): ImportIssue[] {
  if (!(err instanceof ApiError)) return [];
  const parsed = z.object({ errors: z.array(importIssueSchema) }).safeParse(err.details);
  return parsed.success ? parsed.data.errors : [];
}

/** What a (dry-run) import reports. */
function Summary({ s }: { s: ImportSummary }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list">
      <li>{t('backoffice.import.created', { count: s.created.length })}{s.created.length ? ` : ${s.created.join(', ')}` : ''}</li>
      <li>{t('backoffice.import.updated', { count: s.updated.length })}{s.updated.length ? ` : ${s.updated.join(', ')}` : ''}</li>
      <li>{t('backoffice.import.unchanged', { count: s.unchanged })}</li>
      <li>{t('backoffice.import.rooms', { rooms: s.roomsCreated, beds: s.bedsCreated })}</li>
    </ul>
  );
}

/**
 * Staff: import sites from CSV or GeoJSON. A dry run first lists every error
 * with its line (or feature) and field, or what would change; only then can
 * the import be confirmed, and it is all or nothing.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useQueryParam('format', 'csv');
  const [file, setFile] = useState<ImportFile & { name: string }>();
  const [preview, setPreview] = useState<ImportSummary>();
  const dry = useImportSites();
  const real = useImportSites();
  const issues = issuesOf(dry.error);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setPreview(undefined);
    dry.reset();
    real.reset();
    if (!f) return setFile(undefined);
    const fmt = /\.(geo)?json$/i.test(f.name) ? 'geojson' : 'csv';
    setFormat(fmt);
    setFile({ name: f.name, format: fmt, text: await f.text() });
  };
  const check = () => file && dry.mutate({ file: { ...file, format: format === 'geojson' ? 'geojson' : 'csv' }, dryRun: true }, { onSuccess: setPreview });
  const confirm = () =>
    file && preview && real.mutate({ file: { ...file, format: format === 'geojson' ? 'geojson' : 'csv' }, dryRun: false }, { onSuccess: () => { notify('success', t('backoffice.import.done')); setPreview(undefined); } });

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>{t('backoffice.import.title')}</h1>
        <p className="muted">{t('backoffice.import.intro')}</p>
      </div>
      <div className="card form">
        <label>
          {t('backoffice.import.file')}
          <input type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json" onChange={choose} />
        </label>
        <label>
          {t('backoffice.import.format')}
          <select value={format} onChange={(e) => { setFormat(e.target.value); setPreview(undefined); dry.reset(); }}>
            <option value="csv">CSV</option>
            <option value="geojson">GeoJSON</option>
          </select>
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={!file || dry.isPending} onClick={check}>{t('backoffice.import.check')}</button>
          <a className="button" href={sitesCsvHref(i18n.language)} download>{t('backoffice.import.template')}</a>
        </div>
      </div>
      {issues.length > 0 && (
        <section aria-labelledby="import-errors-title">
          <h2 id="import-errors-title" className="error">{t('backoffice.import.errors', { count: issues.length })}</h2>
          <DataTable
            caption={t('backoffice.import.nothingWritten')}
            rows={issues}
            rowKey={(i) => `${i.line ?? i.feature}-${i.field}-${i.message}`}
            columns={[
              { header: i18nWhere(format, t), cell: (i) => String(i.line ?? i.feature ?? '—') },
              { header: t('backoffice.import.field'), cell: (i) => <code>{i.field ?? '—'}</code> },
              { header: t('backoffice.import.problem'), cell: (i) => i.message },
            ]}
          />
        </section>
      )}
      {dry.error && issues.length === 0 && <FormError error={dry.error} />}
      {preview && (
        <section className="card" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">{t('backoffice.import.preview')}</h2>
          <Summary s={preview} />
          <FormError error={real.error} />
          <button type="button" className="primary" disabled={real.isPending} onClick={confirm}>{t('backoffice.import.confirm')}</button>
        </section>
      )}
      {real.data && !real.data.dryRun && (
        <section className="card" aria-labelledby="import-done-title">
          <h2 id="import-done-title">{t('backoffice.import.done')}</h2>
          <Summary s={real.data} />
        </section>
      )}
    </main>
  );
}

function i18nWhere(format: string, t: (k: string) => string): string {
  return format === 'geojson' ? t('backoffice.import.feature') : t('backoffice.import.line');
}

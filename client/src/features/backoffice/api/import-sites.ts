import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { STAFF_SITES_KEY } from './get-sites.ts';

/** What an import did, or would do on a dry run. */
export const importSummarySchema = z.looseObject({
  dryRun: z.boolean(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.number(),
  roomsCreated: z.number(),
  bedsCreated: z.number(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** One problem of a refused import: where (CSV line or GeoJSON feature) and which field. */
export const importIssueSchema = z.looseObject({ line: z.number().optional(), feature: z.number().optional(), field: z.string().optional(), message: z.string() });
export type ImportIssue = z.infer<typeof importIssueSchema>;

/** A file as read in the browser. */
export interface ImportFile {
  format: 'csv' | 'geojson';
  text: string;
}

/** POST /api/import/sites?format=&dryRun=: checks (dry run) or writes the whole file, all or nothing. */
export const importSites = ({ file, dryRun }: { file: ImportFile; dryRun: boolean }) =>
  api('/import/sites', {
    method: 'POST',
    query: { format: file.format, dryRun: dryRun ? '1' : '0' },
    rawBody: { contentType: file.format === 'csv' ? 'text/csv' : 'application/json', text: file.text },
    schema: importSummarySchema,
    silent: true,
  });

/** Runs an import (or its dry run); a real one refreshes the site list. */
export function useImportSites() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: importSites, onSuccess: (s) => !s.dryRun && qc.invalidateQueries({ queryKey: STAFF_SITES_KEY }) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { USERS_KEY } from './get-users.ts';
import { STAFF_SITES_KEY } from './get-sites.ts';

/** The site fields the back office edits. */
export interface SiteInput {
  name: string;
  address: string | null;
  commune: string;
  departement: string;
  subdivision: string;
  location: [number, number];
  funder: { kind: string; name: string | null };
  rentCents: number | null;
  active: boolean;
  planned: boolean;
}

/** POST /api/sites (no id) or PATCH /api/sites/:id (rename, withdraw: active=false, planned=false). */
export const saveSite = ({ id, ...body }: Partial<SiteInput> & { id?: number }) =>
  api<undefined>(id ? `/sites/${id}` : '/sites', { method: id ? 'PATCH' : 'POST', body, silent: true }) as Promise<{ site: { id: number } }>;

/** PUT /api/sites/:id/managers: the manager accounts of a site. */
export const setSiteManagers = ({ id, userIds }: { id: number; userIds: number[] }) => api(`/sites/${id}/managers`, { method: 'PUT', body: { userIds }, silent: true });

/** Creates or changes a site and refreshes the list. */
export function useSaveSite() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: saveSite, onSuccess: () => qc.invalidateQueries({ queryKey: STAFF_SITES_KEY }) });
}

/** Names a site's managers and refreshes the accounts (they carry managedSiteIds). */
export function useSetSiteManagers() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: setSiteManagers, onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }) });
}

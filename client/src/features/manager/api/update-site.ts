import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_SITES_KEY } from './get-my-sites.ts';

/** What a manager may change on their site. */
export interface SiteInfoInput {
  rentCents: number | null;
  amenities: string[];
  description: string | null;
  /** Only the house rules' text: the partner/guest flags are left as they are. */
  rules: { text: string | null };
  contact: { name: string | null; email: string | null; phone: string | null };
}

/** PATCH /api/sites/:id: the manager's part of a site's description. */
export const updateSite = ({ id, ...body }: SiteInfoInput & { id: number }) => api(`/sites/${id}`, { method: 'PATCH', body, silent: true });

/** Saves a site's description and refreshes my sites. */
export function useUpdateSite() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateSite, onSuccess: () => qc.invalidateQueries({ queryKey: MY_SITES_KEY }) });
}

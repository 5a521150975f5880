import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { INTERNS_KEY } from './get-interns.ts';

/** The intern fields staff edit. */
export interface InternInput {
  name: string;
  email: string | null;
  subdivision: string;
  hasCar: boolean | null;
  withPartner: boolean;
  partnerInternId: number | null;
  maxRentCents: number | null;
  limitMinutes: number | null;
  peerInternIds: number[];
}

/** POST /api/interns (no id) or PATCH /api/interns/:id. */
export const saveIntern = ({ id, ...body }: InternInput & { id?: number }) =>
  api<undefined>(id ? `/interns/${id}` : '/interns', { method: id ? 'PATCH' : 'POST', body, silent: true }) as Promise<{ intern: { id: number } }>;

/** Creates or changes an intern and refreshes the list. */
export function useSaveIntern() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: saveIntern, onSuccess: () => qc.invalidateQueries({ queryKey: INTERNS_KEY }) });
}

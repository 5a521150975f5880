import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { PRACTICES_KEY } from './get-practices.ts';

/** A practice as staff enter it. */
export interface PracticeInput {
  name: string;
  kind: 'gp_practice' | 'health_centre';
  supervisors: string[];
  address: string | null;
  commune: string;
  departement: string;
  location: [number, number];
  underservedZone: boolean | null;
}

/** POST /api/practices (no id) or PATCH /api/practices/:id. */
export const savePractice = ({ id, ...body }: PracticeInput & { id?: number }) =>
  api<undefined>(id ? `/practices/${id}` : '/practices', { method: id ? 'PATCH' : 'POST', body, silent: true }) as Promise<{ practice: { id: number } }>;

/** Creates or changes a practice and refreshes the list. */
export function useSavePractice() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: savePractice, onSuccess: () => qc.invalidateQueries({ queryKey: PRACTICES_KEY }) });
}

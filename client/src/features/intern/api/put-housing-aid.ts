import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { MY_AID_KEY } from './get-my-aid.ts';

/** PUT /api/me/housing-aid: "I receive public housing aid (APL…)", yes / no. */
export const putHousingAid = (receivesHousingAid: boolean | null) => api('/me/housing-aid', { method: 'PUT', body: { receivesHousingAid } });

/** Saves the answer and refreshes the estimate (a yes turns the flat housing allowance into a conflict). */
export function usePutHousingAid() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: putHousingAid, onSuccess: () => qc.invalidateQueries({ queryKey: MY_AID_KEY }) });
}

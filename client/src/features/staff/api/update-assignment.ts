import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Assignment } from './get-assignments.ts';

/** PATCH /api/assignments/:id: lock/unlock, change status or bed. */
export const updateAssignment = ({ id, ...body }: { id: number; locked?: boolean; status?: string; bedId?: number }) =>
  api(`/assignments/${id}`, { method: 'PATCH', body });

/** Updates an assignment, showing the change at once and rolling back if the server refuses. */
export function useUpdateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateAssignment,
    onMutate: async ({ id, locked, status }) => {
      await qc.cancelQueries({ queryKey: ['assignments'] });
      const before = qc.getQueriesData<Assignment[]>({ queryKey: ['assignments'] });
      qc.setQueriesData<Assignment[]>({ queryKey: ['assignments'] }, (old) =>
        old?.map((a) => (a.id === id ? { ...a, ...(locked !== undefined ? { locked } : {}), ...(status ? { status } : {}) } : a)),
      );
      return { before };
    },
    onError: (_err, _vars, ctx) => ctx?.before.forEach(([key, data]) => qc.setQueryData(key, data)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/** POST /api/me/assignments/:id/answer: the intern accepts or declines a proposal. */
export const answerProposal = ({ id, answer }: { id: number; answer: 'accept' | 'decline' }) => api(`/me/assignments/${id}/answer`, { method: 'POST', body: { answer } });

/** Answers a proposal and refreshes the intern's page. */
export function useAnswerProposal() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: answerProposal, onSettled: () => qc.invalidateQueries({ queryKey: ['me-intern'] }) });
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const invitationSchema = z.looseObject({ email: z.string(), name: z.string(), role: z.string(), expiresAt: z.string() });

/** GET /api/invitations/:token: who the link is for (404 unknown, 410 used or expired). */
export const getInvitation = (token: string) =>
  api(`/invitations/${encodeURIComponent(token)}`, { schema: z.object({ invitation: invitationSchema }).transform((x) => x.invitation), silent: true });

/** The invitation a link carries. */
export function useInvitation(token: string) {
  return useQuery({ queryKey: ['invitation', token], queryFn: () => getInvitation(token), retry: false, staleTime: Infinity });
}

/** POST /api/invitations/:token: sets the password; the link is then spent. */
export const acceptInvitation = ({ token, password }: { token: string; password: string }) =>
  api(`/invitations/${encodeURIComponent(token)}`, { method: 'POST', body: { password }, silent: true });

/** Accepts an invitation. */
export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}

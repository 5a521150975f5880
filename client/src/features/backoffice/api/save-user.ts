import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { USERS_KEY, type Role } from './get-users.ts';

const invitationSchema = z.looseObject({ path: z.string(), expiresAt: z.string() });
export type Invitation = z.infer<typeof invitationSchema>;

/** A new account: its owner sets the password through the one-time link. */
export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  managedSiteIds?: number[];
  internId?: number;
}

/** POST /api/invitations: creates the account and its one-time link (shown once). */
export const inviteUser = (body: InviteInput) =>
  api('/invitations', { method: 'POST', body, silent: true, schema: z.looseObject({ user: z.looseObject({ id: z.number() }), invitation: invitationSchema }) });

/** POST /api/users/:id/invitation: a new link (password reset); earlier links stop working. */
export const reinviteUser = (id: number) => api(`/users/${id}/invitation`, { method: 'POST', schema: z.looseObject({ invitation: invitationSchema }).transform((x) => x.invitation) });

/** What staff change on an account. */
export interface AccountChanges {
  name?: string;
  role?: Role;
  managedSiteIds?: number[];
  active?: boolean;
}

/** PATCH /api/users/:id. */
export const updateUser = ({ id, ...body }: AccountChanges & { id: number }) => api(`/users/${id}`, { method: 'PATCH', body, silent: true });

function useAccountsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }) });
}

/** Invites a new account. */
export const useInviteUser = () => useAccountsMutation(inviteUser);
/** Issues a new one-time link for an account. */
export const useReinviteUser = () => useAccountsMutation(reinviteUser);
/** Changes an account (role, name, sites, active). */
export const useUpdateUser = () => useAccountsMutation(updateUser);

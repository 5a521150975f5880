import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const userSchema = z.looseObject({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['intern', 'manager', 'staff']),
  active: z.boolean(),
  hasPassword: z.boolean(),
  managedSiteIds: z.array(z.number()),
  internId: z.number().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof userSchema>;
export type Role = Account['role'];

/** The react-query key of the accounts list. */
export const USERS_KEY = ['backoffice', 'users'] as const;

/** GET /api/users: every account (never a password hash). */
export const getUsers = () => api('/users', { schema: z.object({ users: z.array(userSchema) }).transform((x) => x.users) });

/** All accounts (staff). */
export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: getUsers });
}

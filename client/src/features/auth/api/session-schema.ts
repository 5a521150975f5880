import { z } from 'zod';

/** The signed-in user as the session endpoints describe them. */
export const sessionUserSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['intern', 'manager', 'staff', 'admin']),
  internId: z.number().nullable().optional(),
  managedSiteIds: z.array(z.number()).optional().default([]),
});

/** `{user, csrfToken}` from POST and GET /api/session. */
export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string().optional() });

export type SessionUser = z.infer<typeof sessionUserSchema>;
export type Session = z.infer<typeof sessionSchema>;

/** The react-query key of the current session. */
export const SESSION_KEY = ['session'] as const;

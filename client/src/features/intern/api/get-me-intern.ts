import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';

const practiceSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  commune: z.string().nullish(),
  location: z.tuple([z.number(), z.number()]).optional(),
  lng: z.number().optional(),
  lat: z.number().optional(),
  supervisors: z.array(z.string()).nullish(),
});

const placementSchema = z.looseObject({
  id: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  practices: z.array(practiceSchema).optional(),
  practice: practiceSchema.nullish(),
  secondPractice: practiceSchema.nullish(),
});

const profileSchema = z.looseObject({ id: z.number(), name: z.string() });

const assignmentSchema = z.looseObject({
  id: z.number(),
  status: z.string().nullish(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  driveMinutes: z.number().nullish(),
  driveEstimate: z.boolean().nullish(),
  site: z.looseObject({ id: z.number(), name: z.string() }).nullish(),
  room: z.looseObject({ label: z.string() }).nullish(),
  answerBy: z.string().nullish(),
  cancelReason: z.string().nullish(),
});

const requestSchema = z.looseObject({
  id: z.number().optional(),
  siteId: z.number().optional(),
  site: z.looseObject({ id: z.number(), name: z.string().optional() }).nullish(),
  status: z.string().nullish(),
  answer: z.string().nullish(),
  assignment: z.looseObject({ id: z.number(), status: z.string(), room: z.string(), bed: z.string(), startDate: z.string(), endDate: z.string() }).nullish(),
});

/** A practice where the intern works, with its position `[lng, lat]`. */
export interface Practice {
  id: number;
  name: string;
  commune?: string | null;
  location: [number, number];
  supervisors: string[];
}

/** A placement with its one or two practices. */
export interface Placement {
  id: number;
  startDate: string;
  endDate: string;
  practices: Practice[];
}

/** What the intern page needs from GET /api/me/intern. */
export interface MyInternProfile {
  id: number;
  name: string;
  placements: Placement[];
  assignments: z.infer<typeof assignmentSchema>[];
  preferences: { siteIds: number[]; note: string };
  requestedSiteIds: number[];
  requests: z.infer<typeof requestSchema>[];
}

function toPractice(p: z.infer<typeof practiceSchema>): Practice {
  return {
    id: p.id,
    name: p.name,
    commune: p.commune,
    location: p.location ?? [p.lng ?? 0, p.lat ?? 0],
    supervisors: p.supervisors ?? [],
  };
}

/** GET /api/me/intern → `{intern, placements, assignments, preferences, requests}`. */
export const meInternSchema = z
  .looseObject({
    intern: profileSchema,
    placements: z.array(placementSchema).default([]),
    assignments: z.array(assignmentSchema).default([]),
    preferences: z.looseObject({ siteIds: z.array(z.number()).default([]), note: z.string().nullish() }).nullish(),
    requests: z.array(requestSchema).default([]),
  })
  .transform(
    (x): MyInternProfile => ({
      id: x.intern.id,
      name: x.intern.name,
      placements: x.placements.map((pl) => ({
        id: pl.id,
        startDate: pl.startDate.slice(0, 10),
        endDate: pl.endDate.slice(0, 10),
        practices: (pl.practices ?? [pl.practice, pl.secondPractice].filter((p): p is NonNullable<typeof p> => !!p)).map(toPractice),
      })),
      assignments: x.assignments,
      preferences: { siteIds: x.preferences?.siteIds ?? [], note: x.preferences?.note ?? '' },
      // Only open requests block asking again; answered ones are shown with their outcome.
      requestedSiteIds: x.requests.filter((r) => r.status === 'open' || !r.status).map((r) => r.siteId ?? r.site?.id ?? 0),
      requests: x.requests,
    }),
  );

/** Fetches the signed-in intern's profile. */
export const getMeIntern = () => api('/me/intern', { schema: meInternSchema });

/** The signed-in intern's profile, placements, assignments and preferences. */
export function useMeIntern() {
  return useQuery({ queryKey: ['me-intern'], queryFn: getMeIntern });
}

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

const profileSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  subdivision: z.string().nullish(),
  hasCar: z.boolean().nullish(),
  withPartner: z.boolean().nullish(),
  placements: z.array(placementSchema).default([]),
  assignments: z.array(z.looseObject({ id: z.number(), status: z.string().nullish(), startDate: z.string().nullish(), endDate: z.string().nullish(), site: z.looseObject({ id: z.number(), name: z.string() }).nullish(), siteName: z.string().nullish() })).default([]),
  preferences: z
    .union([
      z.looseObject({ siteIds: z.array(z.number()).default([]), note: z.string().nullish() }),
      z.array(z.looseObject({ siteId: z.number(), rank: z.number().optional() })),
    ])
    .nullish(),
  requests: z.array(z.looseObject({ id: z.number().optional(), siteId: z.number(), status: z.string().nullish() })).nullish(),
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
  assignments: z.infer<typeof profileSchema>['assignments'];
  preferences: { siteIds: number[]; note: string };
  requestedSiteIds: number[];
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

/** GET /api/me/intern, accepting the profile at the top level or under `intern`. */
export const meInternSchema = z
  .union([z.looseObject({ intern: profileSchema }).transform((x) => ({ ...x, ...x.intern })), profileSchema])
  .transform((x): MyInternProfile => {
    const prefs = x.preferences;
    return {
      id: x.id,
      name: x.name,
      placements: x.placements.map((pl) => ({
        id: pl.id,
        startDate: pl.startDate.slice(0, 10),
        endDate: pl.endDate.slice(0, 10),
        practices: (pl.practices ?? [pl.practice, pl.secondPractice].filter((p): p is NonNullable<typeof p> => !!p)).map(toPractice),
      })),
      assignments: x.assignments,
      preferences: Array.isArray(prefs)
        ? { siteIds: [...prefs].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((p) => p.siteId), note: '' }
        : { siteIds: prefs?.siteIds ?? [], note: prefs?.note ?? '' },
      requestedSiteIds: (x.requests ?? []).map((r) => r.siteId),
    };
  });

/** Fetches the signed-in intern's profile. */
export const getMeIntern = () => api('/me/intern', { schema: meInternSchema });

/** The signed-in intern's profile, placements, assignments and preferences. */
export function useMeIntern() {
  return useQuery({ queryKey: ['me-intern'], queryFn: getMeIntern });
}

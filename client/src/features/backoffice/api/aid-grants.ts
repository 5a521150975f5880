import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../lib/api-client.ts';
import { aidEstimateSchema, aidGrantSchema, aidSchemeSchema } from '../../../lib/aid.ts';

/** The react-query key of everything aid the back office shows. */
export const AID_KEY = ['backoffice', 'aid'] as const;

/** GET /api/interns/:id/aid-grants: the intern's recorded grants, cancelled ones included. */
export const getInternGrants = (internId: number) =>
  api(`/interns/${internId}/aid-grants`, { schema: z.object({ grants: z.array(aidGrantSchema) }).transform((x) => x.grants) });
/** GET /api/interns/:id/aid: what the intern may claim (staff's view of their estimate). */
export const getInternAid = (internId: number) => api(`/interns/${internId}/aid`, { schema: z.object({ estimate: aidEstimateSchema }).transform((x) => x.estimate) });
/** GET /api/aid/schemes: the active schemes. */
export const getAidSchemes = () => api('/aid/schemes', { schema: z.object({ schemes: z.array(aidSchemeSchema) }).transform((x) => x.schemes) });

/** A grant as staff record it. */
export interface GrantInput {
  internId: number;
  schemeId: number;
  amountCents: number;
  grantedOn: string;
  placementId: number | null;
  note: string | null;
}
/** POST /api/interns/:id/aid-grants (errors shown in the form). */
export const createGrant = ({ internId, ...body }: GrantInput) => api(`/interns/${internId}/aid-grants`, { method: 'POST', body, silent: true });
/** DELETE /api/aid-grants/:id: cancels it (kept, marked cancelled). */
export const cancelGrant = (id: number) => api(`/aid-grants/${id}`, { method: 'DELETE' });

export function useInternGrants(internId: number) {
  return useQuery({ queryKey: [...AID_KEY, 'grants', internId], queryFn: () => getInternGrants(internId) });
}
export function useInternAid(internId: number) {
  return useQuery({ queryKey: [...AID_KEY, 'estimate', internId], queryFn: () => getInternAid(internId) });
}
export function useAidSchemes() {
  return useQuery({ queryKey: [...AID_KEY, 'schemes'], queryFn: getAidSchemes, staleTime: 300_000 });
}
/** What staff change on a scheme. */
export interface SchemePatch {
  id: number;
  amountCents?: number;
  rateTable?: { version: 1; bands: { fromKm: number; toKm: number | null; centsPerMonth: number }[] };
  minMonths?: number | null;
  active?: boolean;
  rules?: string | null;
}
/** PATCH /api/aid/schemes/:id (errors shown in the form). */
export const patchScheme = ({ id, ...body }: SchemePatch) => api(`/aid/schemes/${id}`, { method: 'PATCH', body, silent: true });
/** Changes a scheme and refreshes everything aid (estimates read the new rules). */
export function usePatchScheme() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: patchScheme, onSuccess: () => qc.invalidateQueries({ queryKey: AID_KEY }) });
}

/** A new scheme (POST /api/aid/schemes): its code, name, département (null: nationwide) and kind are fixed for good. */
export type SchemeCreate = Omit<SchemePatch, 'id'> & { code: string; name: string; departementCode: string | null; kind: 'lump_sum' | 'monthly' | 'per_km'; requiresUnderservedZone: boolean; conflictsWithHousingAid: boolean };
/** POST /api/aid/schemes (errors shown in the form). */
export const createScheme = (body: SchemeCreate) => api('/aid/schemes', { method: 'POST', body, silent: true });
/** Creates a scheme and refreshes the lists. */
export function useCreateScheme() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createScheme, onSuccess: () => qc.invalidateQueries({ queryKey: AID_KEY }) });
}

/** Records a grant and refreshes the register and the estimate. */
export function useCreateGrant() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createGrant, onSuccess: () => qc.invalidateQueries({ queryKey: AID_KEY }) });
}
/** Cancels a grant and refreshes the register and the estimate. */
export function useCancelGrant() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: cancelGrant, onSuccess: () => qc.invalidateQueries({ queryKey: AID_KEY }) });
}

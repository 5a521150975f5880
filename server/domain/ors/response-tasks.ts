import type { OrsApiLimits } from '../../config.ts';
import { workerEngine } from '../../routing/pool/engine-tasks.ts';
import { defineTask } from '../../workers/worker-pool.ts';
import { isochroneIntersections } from './intersections.ts';
import { computeIsochrones, intersectionsInput, presentIsochrones, type IsochronesPlan, type IsochronesRequest } from './isochrones.ts';
import { computeMatrix, presentMatrix, type MatrixPlan, type MatrixRequest } from './matrix.ts';
import type { OrsMetadataOptions } from './metadata.ts';

/**
 * Whole ORS answers built on a worker thread: the engine's work, the presentation and the JSON text.
 * Only the finished string crosses back (a copy of bytes), so the request thread neither decodes a
 * large result nor serialises a megabyte of isochrone coordinates while sign-in and /api/health wait
 * (the largest legal isochrone request spent ~0.6 s there on a loaded machine).
 */

/** Input of {@link matrixResponse}: the validated request and its plan. */
export interface MatrixResponseInput {
  body: MatrixRequest;
  profile: string;
  plan: MatrixPlan;
  limits: OrsApiLimits['matrix'];
  meta: OrsMetadataOptions;
}

/** Input of {@link isochronesResponse}. */
export interface IsochronesResponseInput {
  body: IsochronesRequest;
  profile: string;
  plan: IsochronesPlan;
  snapRadiusM: number;
  meta: OrsMetadataOptions;
}

/** The matrix answer's JSON, on the worker. */
export async function matrixResponse({ body, profile, plan, limits, meta }: MatrixResponseInput): Promise<string> {
  const result = await computeMatrix(workerEngine(), plan, limits);
  return JSON.stringify(presentMatrix(body, profile, plan, result, meta));
}

/** The isochrones answer's GeoJSON (intersections included), on the worker. */
export async function isochronesResponse({ body, profile, plan, snapRadiusM, meta }: IsochronesResponseInput): Promise<string> {
  const result = await computeIsochrones(workerEngine(), plan, snapRadiusM);
  const overlaps = plan.intersections && plan.locations.length > 1 ? isochroneIntersections(intersectionsInput(plan, result)) : [];
  return JSON.stringify(presentIsochrones(body, profile, plan, result, overlaps, meta));
}

/** Task references for the request thread. */
export const RESPONSE_TASKS_MODULE = new URL(import.meta.url);
export const matrixResponseTask = defineTask<MatrixResponseInput, string>(RESPONSE_TASKS_MODULE, 'matrixResponse');
export const isochronesResponseTask = defineTask<IsochronesResponseInput, string>(RESPONSE_TASKS_MODULE, 'isochronesResponse');

import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z, type ZodType } from 'zod';
import type { Role } from '../generated/prisma/enums.ts';

/** Who may call an operation: 'public' (anyone), 'signed-in' (any role) or a list of roles. */
export type RouteAccess = 'public' | 'signed-in' | Role[];

/** One documented operation; `path` is written the express way (`/api/sites/:id`). */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  roles: RouteAccess;
  description?: string;
  tags?: string[];
  request?: { body?: ZodType; query?: ZodType; params?: ZodType; contentType?: string };
  /** Status → description (and optional zod schema of the JSON body). */
  responses?: Record<number, string | { description: string; schema?: ZodType; contentType?: string }>;
}

const routes = new Map<string, RouteDoc>();

/**
 * Documents an operation. Call it next to the endpoint's schema (module level or
 * in the router factory: registering the same method+path again replaces it).
 */
export function registerRoute(doc: RouteDoc): void {
  routes.set(`${doc.method} ${doc.path}`, doc);
}

/** Every documented operation, sorted by path then method. */
export function registeredRoutes(): RouteDoc[] {
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `/api/sites/:id` → `/api/sites/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function accessText(roles: RouteAccess): string {
  return roles === 'public' ? 'public' : roles === 'signed-in' ? 'any signed-in user' : roles.join(', ');
}

/** The one error body every 4xx/5xx answer carries. */
export const errorBody = z.object({
  error: z.object({
    id: z.string().describe('stable id: validation, unauthorized, forbidden, csrf, not_found, conflict, too_large, rate_limited, internal'),
    message: z.string(),
    field: z.string().optional().describe('the offending input, e.g. body.rentCents'),
    details: z.unknown().optional(),
  }),
});

const errorResponses: Record<string, string> = {
  '400': 'Bad input: `{error: {id: "validation", message, field}}`',
  '401': 'Not signed in',
  '403': 'Not allowed (or `csrf`: missing x-csrf-token)',
  '404': 'Unknown id',
};

function toRouteConfig(doc: RouteDoc) {
  const responses: Record<string, { description: string; content?: Record<string, { schema: ZodType | object }> }> = {};
  for (const [status, r] of Object.entries(doc.responses ?? { 200: 'OK' })) {
    const spec = typeof r === 'string' ? { description: r } : r;
    responses[status] = {
      description: spec.description,
      ...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema } } } : {}),
    };
  }
  if (doc.request && (doc.request.body || doc.request.query || doc.request.params)) responses['400'] ??= { description: errorResponses['400'] };
  if (doc.roles !== 'public') {
    responses['401'] ??= { description: errorResponses['401'] };
    responses['403'] ??= { description: errorResponses['403'] };
  }
  if (doc.path.includes('/:')) responses['404'] ??= { description: errorResponses['404'] };
  for (const [status, r] of Object.entries(responses)) {
    if (Number(status) >= 400 && !r.content) r.content = { 'application/json': { schema: errorBody } };
  }
  const params = doc.request?.params as never;
  const query = doc.request?.query as never;
  return {
    method: doc.method,
    path: openApiPath(doc.path),
    summary: doc.summary,
    description: `${doc.description ? `${doc.description}\n\n` : ''}Access: ${accessText(doc.roles)}.`,
    tags: doc.tags ?? [doc.path.split('/')[2] ?? 'api'],
    'x-roles': doc.roles,
    ...(doc.roles === 'public' ? {} : { security: [{ session: [] }] }),
    request: {
      ...(params ? { params } : {}),
      ...(query ? { query } : {}),
      ...(doc.request?.body
        ? { body: { required: true, content: { [doc.request.contentType ?? 'application/json']: { schema: doc.request.body } } } }
        : {}),
    },
    responses,
  };
}

function generate(docs: RouteDoc[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'im_session' });
  for (const d of docs) registry.registerPath(toRouteConfig(d) as never);
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'internat-match API',
      version: '1',
      description:
        'Housing for medical interns near rural placements. Errors are `{error: {id, message, field?}}`. ' +
        'Sign in with POST /api/session; send the returned csrfToken as `x-csrf-token` on every POST/PUT/PATCH/DELETE.',
    },
    servers: [{ url: '/' }],
  });
}

/**
 * Builds the OpenAPI 3 document from every registered route. A schema the
 * generator cannot express is documented without it rather than breaking the whole document.
 */
export function buildOpenApiDocument() {
  const docs = registeredRoutes();
  try {
    return generate(docs);
  } catch {
    const safe = docs.map((d) => {
      try {
        generate([d]);
        return d;
      } catch {
        return { ...d, request: undefined, responses: undefined, description: `${d.description ?? ''} (schema not expressible in OpenAPI)` };
      }
    });
    return generate(safe);
  }
}

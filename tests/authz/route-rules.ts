/**
 * THE AUTHORISATION TABLE. Every route under /api and /ors must have rows here:
 * tests/authz/routes.int.test.ts lists the real express router and fails for
 * any route without a rule, then calls every route as every role (and, where
 * it matters, on the caller's own resource and on someone else's) and checks
 * the status.
 *
 * To add a route:
 *   1. add its rows to `routeRules` with `allow(method, path, {anonymous, intern, manager, staff, admin?})`,
 *      giving `{own, other}` instead of a status where the answer depends on whose resource it is.
 *      For staff, "own" is a resource of their département (Loir-et-Cher, 41) and "other" one of
 *      another département (Indre, 36): `DEP_SCOPED(ok)` gives staff `{own: ok, other: 404}`.
 *      `admin` (national) defaults to staff's own-département answer on both own and other;
 *   2. if the path has params or the call needs a body/query, add a `routeCalls` entry
 *      building them from the fixture world (tests/authz/world.ts). Bodies must be
 *      VALID, so that the status shows the authorisation decision and not validation.
 *      Calls that consume their target (DELETE, create-unique) should build a fresh row.
 */
import { randomBytes } from 'node:crypto';
import { toDate } from '../../server/domain/calendar/semesters.ts';
import { invitationHashOf } from '../../server/domain/users/invitations.ts';
import { previewMatching } from '../../server/domain/matching-runs/run-matching.ts';
import { solveInstance } from '../../server/domain/matching-runs/solver.ts';
import { straightLineTestProvider } from '../helpers/fake-drive-times.ts';
import { buildIntern, buildPlacement, buildRoom, buildSite, buildUser } from '../helpers/factories.ts';
import { unique } from '../helpers/test-db.ts';
import type { World } from './world.ts';

export type Actor = 'anonymous' | 'intern' | 'manager' | 'staff' | 'admin';
export type Resource = 'own' | 'other';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One row: calling `method path` as `role` (on an own/other resource) answers `expected`. */
export interface RouteRule {
  method: Method;
  path: string;
  role: Actor;
  resource?: Resource;
  expected: number;
}

type Expect = number | { own: number; other: number };

/**
 * Expands one route's expectations per role into explicit table rows. Without an `admin` entry the
 * national admin gets staff's own-département answer, on both own and other resources.
 */
function allow(method: Method, path: string, given: Record<Exclude<Actor, 'admin'>, Expect> & { admin?: Expect }): RouteRule[] {
  const staffOwn = typeof given.staff === 'number' ? given.staff : given.staff.own;
  const e: Record<Actor, Expect> = { ...given, admin: given.admin ?? (typeof given.staff === 'number' ? staffOwn : { own: staffOwn, other: staffOwn }) };
  return (Object.entries(e) as [Actor, Expect][]).flatMap(([role, x]) =>
    typeof x === 'number'
      ? [{ method, path, role, expected: x }]
      : [
          { method, path, role, resource: 'own' as const, expected: x.own },
          { method, path, role, resource: 'other' as const, expected: x.other },
        ],
  );
}

const STAFF_ONLY_GET = { anonymous: 401, intern: 403, manager: 403, staff: 200 };
const PUBLIC_GET = { anonymous: 200, intern: 200, manager: 200, staff: 200 };
const ownOnly = (ok: number) => ({ own: ok, other: 403 });
/** Staff reach their own département's resource; another département's answers 404, like a missing one. */
const DEP_SCOPED = (ok: number) => ({ own: ok, other: 404 });
/** /ors without a key: anonymous callers are refused (401, ORS gateway JSON), any session passes. */
const ORS_SESSION_OR_KEY = { anonymous: 401, intern: 200, manager: 200, staff: 200 };

export const routeRules: RouteRule[] = [
  // Session and documentation
  ...allow('POST', '/api/session', { anonymous: 401, intern: 401, manager: 401, staff: 401 }), // wrong password
  ...allow('GET', '/api/session', { anonymous: 401, intern: 200, manager: 200, staff: 200 }),
  ...allow('DELETE', '/api/session', { anonymous: 401, intern: 204, manager: 204, staff: 204 }),
  ...allow('POST', '/api/password-reset', { anonymous: 202, intern: 202, manager: 202, staff: 202 }),
  ...allow('GET', '/api/health', PUBLIC_GET),
  ...allow('GET', '/api/openapi.json', PUBLIC_GET),
  ...allow('GET', '/api/docs', PUBLIC_GET),
  ...allow('GET', '/api/map/config', PUBLIC_GET),
  ...allow('GET', '/api/map/base-layer', PUBLIC_GET),

  // Sites and housing
  ...allow('GET', '/api/sites', PUBLIC_GET),
  ...allow('GET', '/api/sites/:id', PUBLIC_GET),
  // own: a site in Loir-et-Cher; other: one in Indre (a site of another département is public but not theirs to change: 403).
  ...allow('POST', '/api/sites', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(201) }),
  ...allow('PATCH', '/api/sites/:id', { anonymous: 401, intern: 403, manager: ownOnly(200), staff: ownOnly(200) }),
  ...allow('PUT', '/api/sites/:id/managers', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(200) }),
  ...allow('GET', '/api/me/sites', { anonymous: 401, intern: 403, manager: 200, staff: 200 }),
  ...allow('GET', '/api/sites/:id/occupants', { anonymous: 401, intern: 403, manager: ownOnly(200), staff: 200 }),
  ...allow('POST', '/api/sites/:id/rooms', { anonymous: 401, intern: 403, manager: ownOnly(201), staff: ownOnly(201) }),
  ...allow('PATCH', '/api/rooms/:id', { anonymous: 401, intern: 403, manager: ownOnly(200), staff: ownOnly(200) }),
  ...allow('DELETE', '/api/rooms/:id', { anonymous: 401, intern: 403, manager: ownOnly(204), staff: ownOnly(204) }),
  ...allow('POST', '/api/rooms/:id/availability', { anonymous: 401, intern: 403, manager: ownOnly(201), staff: ownOnly(201) }),
  ...allow('PATCH', '/api/availability/:id', { anonymous: 401, intern: 403, manager: ownOnly(200), staff: ownOnly(200) }),
  ...allow('DELETE', '/api/availability/:id', { anonymous: 401, intern: 403, manager: ownOnly(204), staff: ownOnly(204) }),

  // People and placements
  ...allow('GET', '/api/practices', { anonymous: 401, intern: 200, manager: 200, staff: 200 }),
  // own: a practice in Loir-et-Cher; other: one in Indre.
  ...allow('POST', '/api/practices', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(201) }),
  ...allow('PATCH', '/api/practices/:id', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(200) }),
  ...allow('GET', '/api/interns', STAFF_ONLY_GET),
  ...allow('POST', '/api/interns', { anonymous: 401, intern: 403, manager: 403, staff: 201 }),
  ...allow('GET', '/api/interns/:id', { anonymous: 401, intern: ownOnly(200), manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('PATCH', '/api/interns/:id', { anonymous: 401, intern: ownOnly(200), manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/me/intern', { anonymous: 401, intern: 200, manager: 403, staff: 403 }),

  // Aid: schemes for anyone signed in, the intern's own estimate, staff's register by département
  ...allow('GET', '/api/aid/schemes', { anonymous: 401, intern: 200, manager: 200, staff: 200 }),
  ...allow('POST', '/api/aid/schemes', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(201) }),
  ...allow('PATCH', '/api/aid/schemes/:id', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(200) }),
  ...allow('GET', '/api/me/aid', { anonymous: 401, intern: 200, manager: 403, staff: 403 }),
  ...allow('PUT', '/api/me/housing-aid', { anonymous: 401, intern: 200, manager: 403, staff: 403 }),
  ...allow('GET', '/api/interns/:id/aid', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/interns/:id/aid-grants', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('POST', '/api/interns/:id/aid-grants', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(201) }),
  ...allow('DELETE', '/api/aid-grants/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/aid-grants', STAFF_ONLY_GET),

  ...allow('PUT', '/api/me/preferences', { anonymous: 401, intern: 200, manager: 403, staff: 403 }),
  ...allow('POST', '/api/me/requests', { anonymous: 401, intern: 201, manager: 403, staff: 403 }),
  ...allow('GET', '/api/requests', STAFF_ONLY_GET),
  ...allow('PATCH', '/api/requests/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('POST', '/api/requests/:id/accept', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('POST', '/api/requests/:id/decline', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/placements', STAFF_ONLY_GET),
  ...allow('POST', '/api/placements', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(201) }),
  ...allow('PATCH', '/api/placements/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('DELETE', '/api/placements/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(204) }),
  ...allow('GET', '/api/users', STAFF_ONLY_GET),
  // own: a manager account; other: a staff account, which only the national admin creates.
  ...allow('POST', '/api/users', { anonymous: 401, intern: 403, manager: 403, staff: { own: 201, other: 403 }, admin: { own: 201, other: 201 } }),
  // own: a manager's account; other: a staff account of another département (not even visible to staff).
  ...allow('POST', '/api/users/:id/password', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(204) }),
  ...allow('PATCH', '/api/users/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('PUT', '/api/users/:id/departements', { anonymous: 401, intern: 403, manager: 403, staff: 403, admin: 200 }),
  ...allow('GET', '/api/departements', STAFF_ONLY_GET),
  ...allow('POST', '/api/users/:id/invitation', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(201) }),
  ...allow('POST', '/api/invitations', { anonymous: 401, intern: 403, manager: 403, staff: { own: 201, other: 403 }, admin: { own: 201, other: 201 } }),
  // Public: the one-time link is the credential (a fresh one per call).
  ...allow('GET', '/api/invitations/:token', PUBLIC_GET),
  ...allow('POST', '/api/invitations/:token', { anonymous: 204, intern: 204, manager: 204, staff: 204 }),

  // Assignments and audit
  ...allow('GET', '/api/assignments', STAFF_ONLY_GET),
  ...allow('POST', '/api/assignments', { anonymous: 401, intern: 403, manager: 403, staff: 201 }),
  ...allow('PATCH', '/api/assignments/:id', { anonymous: 401, intern: 403, manager: 403, staff: 200 }),
  ...allow('DELETE', '/api/assignments/:id', { anonymous: 401, intern: 403, manager: 403, staff: 200 }),
  ...allow('POST', '/api/me/assignments/:id/answer', { anonymous: 401, intern: ownOnly(200), manager: 403, staff: 403 }),
  ...allow('GET', '/api/audit', STAFF_ONLY_GET),
  ...allow('GET', '/api/outbox', STAFF_ONLY_GET),

  // Matching runs
  ...allow('POST', '/api/matching/preview', { anonymous: 401, intern: 403, manager: 403, staff: 201 }),
  ...allow('POST', '/api/matching/preview/jobs', { anonymous: 401, intern: 403, manager: 403, staff: 202 }),
  // A job is its starter's alone: "own" is one the staff member started; "other" one another staff member started.
  // The admin reads staff's jobs as 404 too.
  ...allow('GET', '/api/matching/preview/jobs/:id', { anonymous: 401, intern: 403, manager: 403, staff: { own: 200, other: 404 }, admin: 404 }),
  ...allow('DELETE', '/api/matching/preview/jobs/:id', { anonymous: 401, intern: 403, manager: 403, staff: { own: 200, other: 404 }, admin: 404 }),
  ...allow('POST', '/api/matching/apply', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/matching/runs', STAFF_ONLY_GET),
  ...allow('GET', '/api/matching/runs/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/matching/runs/:id/candidates', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),

  // Drive-time search
  ...allow('GET', '/api/placements/:id/nearby-sites', { anonymous: 401, intern: ownOnly(200), manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/placements/:id/isochrone', { anonymous: 401, intern: ownOnly(200), manager: 403, staff: DEP_SCOPED(200) }),
  ...allow('GET', '/api/drive-times/nearby', { anonymous: 401, intern: 200, manager: 200, staff: 200 }),

  // Staff tools
  ...allow('GET', '/api/indicators', STAFF_ONLY_GET),
  // Coverage: own = the staff member's département (41), other = another's (36), refused with 403.
  ...allow('GET', '/api/coverage', { anonymous: 401, intern: 403, manager: 403, staff: { own: 200, other: 403 }, admin: { own: 200, other: 200 } }),
  ...allow('POST', '/api/coverage/suggestions', { anonymous: 401, intern: 403, manager: 403, staff: { own: 200, other: 403 }, admin: { own: 200, other: 200 } }),
  // own: ?departement= the staff member's (41); other: Indre's (36), refused by name (403). The admin reads any.
  ...allow('GET', '/api/indicators/semesters', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(200), admin: { own: 200, other: 200 } }),
  ...allow('GET', '/api/indicators/semesters.csv', { anonymous: 401, intern: 403, manager: 403, staff: ownOnly(200), admin: { own: 200, other: 200 } }),
  ...allow('GET', '/api/export/sites.csv', STAFF_ONLY_GET),
  ...allow('GET', '/api/export/sites.geojson', STAFF_ONLY_GET),
  ...allow('POST', '/api/import/sites', { anonymous: 401, intern: 403, manager: 403, staff: 200 }),

  // API keys of the ORS-compatible API (staff manage them)
  ...allow('GET', '/api/api-keys', STAFF_ONLY_GET),
  ...allow('POST', '/api/api-keys', { anonymous: 401, intern: 403, manager: 403, staff: 201 }),
  // own: a key of the staff member; other: one of an Indre staff member's (not even listed: 404).
  ...allow('DELETE', '/api/api-keys/:id', { anonymous: 401, intern: 403, manager: 403, staff: DEP_SCOPED(200) }),

  // ORS-compatible API: an API key (tests in server/routes/api-keys/) or any signed-in user's session, checked
  // first; then no profile → 400 (6001/3001), an unknown response format → 406 (6007/3007).
  ...allow('GET', '/ors/v2/matrix', { anonymous: 401, intern: 400, manager: 400, staff: 400 }),
  ...allow('POST', '/ors/v2/matrix', { anonymous: 401, intern: 400, manager: 400, staff: 400 }),
  ...allow('POST', '/ors/v2/matrix/:profile', ORS_SESSION_OR_KEY),
  ...allow('POST', '/ors/v2/matrix/:profile/json', ORS_SESSION_OR_KEY),
  ...allow('POST', '/ors/v2/matrix/:profile/:format', { anonymous: 401, intern: 406, manager: 406, staff: 406 }),
  ...allow('GET', '/ors/v2/isochrones', { anonymous: 401, intern: 400, manager: 400, staff: 400 }),
  ...allow('POST', '/ors/v2/isochrones', { anonymous: 401, intern: 400, manager: 400, staff: 400 }),
  ...allow('POST', '/ors/v2/isochrones/:profile', ORS_SESSION_OR_KEY),
  ...allow('POST', '/ors/v2/isochrones/:profile/geojson', ORS_SESSION_OR_KEY),
  ...allow('POST', '/ors/v2/isochrones/:profile/:format', { anonymous: 401, intern: 406, manager: 406, staff: 406 }),
];

/** Requests a call may send first, as any user of the world, to make something that user owns (a preview job). */
export interface RouteHttp {
  send(userId: number, method: Method, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** How to call one route: path params, query string, body (all may build fresh rows). */
export interface RouteCall {
  params?: (w: World, r: Resource, http: RouteHttp) => Promise<Record<string, string | number>> | Record<string, string | number>;
  query?: (w: World, r: Resource) => string;
  body?: (w: World, r: Resource) => Promise<unknown> | unknown;
  /** Content type of a string body (default application/json). */
  contentType?: string;
}

/** A live invitation for a fresh account, as its token (what the link carries). */
async function freshInvitation(w: World): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const user = await w.prisma.user.create({ data: { email: `${unique('inv')}@example.org`, name: 'Invited', role: 'manager', passwordHash: '' } });
  await w.prisma.invitation.create({ data: { userId: user.id, tokenHash: invitationHashOf(token), expiresAt: new Date(Date.now() + 3600_000) } });
  return token;
}

let acceptBody: unknown;
let year = 2040;
/** The empty year the matching rows preview and apply over: no booking row may use it. */
const MATCHING_YEAR = 2097;
/** The coverage rows' window: a year no booking or placement of this table reaches (past MATCHING_YEAR). */
const COVERAGE_YEAR = 2099;
/** A year no other call has booked, so fresh bookings of one intern never overlap. */
const nextYear = () => {
  // MATCHING_YEAR is the matching rows' own empty year, used by no other test.
  if (year >= MATCHING_YEAR) throw new Error('the authorisation table ran out of booking years before the matching year');
  return year++;
};
const site = (w: World, r: Resource) => (r === 'other' ? w.otherSite : w.ownSite);
const room = (w: World, r: Resource) => (r === 'other' ? w.otherRoom : w.ownRoom);
const intern = (w: World, r: Resource) => (r === 'other' ? w.otherIntern : w.ownIntern);
const placement = (w: World, r: Resource) => (r === 'other' ? w.otherPlacement : w.ownPlacement);
const practice = (w: World, r: Resource) => (r === 'other' ? w.otherPractice : w.practice);
/** Staff's own département in the world (Loir-et-Cher), or another one (Indre). */
const departementOf = (r: Resource) => (r === 'other' ? '36' : '41');
/** A fresh intern registered in the own or the other département. */
const freshIntern = (w: World, r: Resource) => buildIntern(w.prisma, { departementCode: departementOf(r) });
/** A fresh account to change: a manager's (own, staff may), or a staff account of the other département. */
const account = (w: World, r: Resource, label: string) =>
  r === 'own'
    ? w.prisma.user.create({ data: { email: `${unique(label)}@example.org`, name: 'Change me', role: 'manager', passwordHash: 'x' } })
    : buildUser(w.prisma, { role: 'staff', departementCodes: ['36'] });

/**
 * A preview job over the empty matching year, started by the world's staff member (own) or by a fresh
 * staff member of another département (other), and waited for, so that jobs never pile up past the
 * per-person limit across rows.
 */
async function finishedPreviewJob(w: World, r: Resource, http: RouteHttp) {
  const owner = r === 'own' ? w.users.staff.id : (await buildUser(w.prisma, { role: 'staff', departementCodes: ['36'] })).id;
  const started = await http.send(owner, 'POST', '/api/matching/preview/jobs', { from: `${MATCHING_YEAR}-05-01`, to: `${MATCHING_YEAR}-10-31` });
  if (started.status !== 202) throw new Error(`preview job not started: ${started.status}`);
  for (let job = started.body; job.status === 'running'; job = (await http.send(owner, 'GET', `/api/matching/preview/jobs/${job.jobId}`)).body) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { id: started.body.jobId as string };
}

/** A fresh nationwide monthly aid scheme. */
const nationalAidScheme = (w: World) => w.prisma.aidScheme.create({ data: { code: unique('authz-aid'), name: 'Aide (authz)', kind: 'monthly', amountCents: 15000 } });

export const routeCalls: Record<string, RouteCall> = {
  'POST /api/session': { body: (w) => ({ email: w.users.staff.email, password: 'wrong-password' }) },
  'POST /api/password-reset': { body: () => ({ email: `${unique('nobody')}@authz.example` }) },
  'GET /api/sites/:id': { params: (w, r) => ({ id: site(w, r).id }) },
  'POST /api/sites': { body: (_w, r) => ({ name: unique('Authz site'), commune: 'Blois', departement: r === 'other' ? 'Indre (36)' : 'Loir-et-Cher', subdivision: 'Tours', location: [1.3, 47.6], funder: { kind: 'departement' } }) },
  'PATCH /api/sites/:id': { params: (w, r) => ({ id: site(w, r).id }), body: () => ({ description: unique('desc') }) },
  'GET /api/sites/:id/occupants': { params: (w, r) => ({ id: site(w, r).id }) },
  'POST /api/sites/:id/rooms': { params: (w, r) => ({ id: site(w, r).id }), body: () => ({ label: unique('Room'), beds: 1 }) },
  'PATCH /api/rooms/:id': { params: (w, r) => ({ id: room(w, r).id }), body: () => ({ notes: unique('notes') }) },
  'DELETE /api/rooms/:id': { params: async (w, r) => ({ id: (await buildRoom(w.prisma, { siteId: site(w, r).id, beds: 1 })).id }) },
  // A year of its own each time: one room's windows may not overlap.
  'POST /api/rooms/:id/availability': { params: (w, r) => ({ id: room(w, r).id }), body: () => {
      const y = nextYear();
      return { startDate: `${y}-05-01`, endDate: `${y}-10-31` };
    },
  },
  'PATCH /api/availability/:id': { params: (w, r) => ({ id: room(w, r).availability[0].id }), body: () => ({ note: unique('note') }) },
  'DELETE /api/availability/:id': {
    params: async (w, r) => {
      const y = nextYear();
      return { id: (await w.prisma.availabilityWindow.create({ data: { roomId: room(w, r).id, startDate: toDate(`${y}-05-01`), endDate: toDate(`${y}-10-31`) } })).id };
    },
  },
  'POST /api/practices': { body: (_w, r) => ({ name: unique('Cabinet'), commune: 'Mer', departement: r === 'other' ? 'Indre (36)' : 'Loir-et-Cher', location: [1.5, 47.7] }) },
  'PATCH /api/practices/:id': { params: (w, r) => ({ id: practice(w, r).id }), body: () => ({ supervisors: ['Dr Authz'] }) },
  'POST /api/interns': { body: () => ({ name: unique('Interne'), subdivision: 'Tours' }) },
  'GET /api/interns/:id': { params: (w, r) => ({ id: intern(w, r).id }) },
  'PATCH /api/interns/:id': { params: (w, r) => ({ id: intern(w, r).id }), body: () => ({ hasCar: true }) },
  'POST /api/aid/schemes': { body: (_w, r) => ({ code: unique('authz-scheme').toLowerCase().replace(/[^a-z0-9-]/g, '-'), name: 'Aide (authz)', departementCode: departementOf(r), kind: 'lump_sum', amountCents: 50000 }) },
  'PATCH /api/aid/schemes/:id': {
    params: async (w, r) => ({ id: (await w.prisma.aidScheme.create({ data: { code: unique('authz-patch'), name: 'Aide (authz)', departementCode: departementOf(r), kind: 'lump_sum', amountCents: 50000 } })).id }),
    body: () => ({ amountCents: 60000 }),
  },
  'PUT /api/me/housing-aid': { body: () => ({ receivesHousingAid: false }) },
  'GET /api/interns/:id/aid': { params: (w, r) => ({ id: intern(w, r).id }) },
  'GET /api/interns/:id/aid-grants': { params: (w, r) => ({ id: intern(w, r).id }) },
  // A nationwide scheme of its own, so any staff may record it: only the intern's département decides.
  'POST /api/interns/:id/aid-grants': {
    params: (w, r) => ({ id: intern(w, r).id }),
    body: async (w) => ({ schemeId: (await nationalAidScheme(w)).id, amountCents: 15000, grantedOn: '2027-05-02' }),
  },
  'DELETE /api/aid-grants/:id': {
    params: async (w, r) => ({ id: (await w.prisma.aidGrant.create({ data: { schemeId: (await nationalAidScheme(w)).id, internId: intern(w, r).id, amountCents: 15000, grantedOn: toDate('2027-05-02') } })).id }),
  },
  'PUT /api/me/preferences': { body: (w) => ({ siteIds: [w.ownSite.id, w.otherSite.id] }) },
  'POST /api/me/requests': { body: (w) => ({ siteId: w.ownSite.id }) },
  'PATCH /api/requests/:id': {
    params: async (w, r) => ({ id: (await w.prisma.roomRequest.create({ data: { internId: intern(w, r).id, siteId: (await buildSite(w.prisma)).id } })).id }),
    body: () => ({ status: 'withdrawn' }),
  },
  'POST /api/requests/:id/accept': {
    params: async (w, r) => {
      const siteId = (await buildSite(w.prisma)).id;
      const req = await w.prisma.roomRequest.create({ data: { internId: intern(w, r).id, siteId } });
      // The body proposes a bed of that site, for dates of its own so that the intern is never booked twice.
      const year = nextYear();
      acceptBody = { bedId: (await buildRoom(w.prisma, { siteId, beds: 1 })).beds[0].id, startDate: `${year}-05-01`, endDate: `${year}-10-31` };
      return { id: req.id };
    },
    body: () => acceptBody,
  },
  'POST /api/requests/:id/decline': {
    params: async (w, r) => ({ id: (await w.prisma.roomRequest.create({ data: { internId: intern(w, r).id, siteId: (await buildSite(w.prisma)).id } })).id }),
    body: () => ({ reason: 'Plus de place' }),
  },
  'POST /api/me/assignments/:id/answer': {
    params: async (w, r) => {
      const year = nextYear();
      const a = await w.prisma.assignment.create({
        data: { internId: intern(w, r).id, bedId: (await buildRoom(w.prisma, { beds: 1 })).beds[0].id, startDate: toDate(`${year}-05-01`), endDate: toDate(`${year}-10-31`), status: 'proposed' },
      });
      return { id: a.id };
    },
    body: () => ({ answer: 'accept' }),
  },
  'POST /api/placements': { body: (w, r) => ({ internId: intern(w, r).id, practiceId: practice(w, r).id, startDate: '2028-05-01', endDate: '2028-10-31' }) },
  'PATCH /api/placements/:id': { params: (w, r) => ({ id: placement(w, r).id }), body: () => ({ endDate: '2027-10-30' }) },
  'DELETE /api/placements/:id': { params: async (w, r) => ({ id: (await buildPlacement(w.prisma, { internId: intern(w, r).id, practiceId: practice(w, r).id, startDate: '2029-05-01', endDate: '2029-10-31' })).id }) },
  'POST /api/users': { body: (_w, r) => ({ email: `${unique('authz')}@example.org`, name: 'Authz', role: r === 'own' ? 'manager' : 'staff', password: 'long-enough-password' }) },
  'POST /api/users/:id/password': {
    params: async (w, r) => ({ id: (await account(w, r, 'reset')).id }),
    body: () => ({ password: 'long-enough-password' }),
  },
  'PATCH /api/users/:id': {
    params: async (w, r) => ({ id: (await account(w, r, 'patch')).id }),
    body: () => ({ name: unique('Renamed') }),
  },
  'POST /api/users/:id/invitation': { params: async (w, r) => ({ id: (await account(w, r, 'reinvite')).id }) },
  'PUT /api/users/:id/departements': {
    params: async (w) => ({ id: (await buildUser(w.prisma, { role: 'staff', departementCodes: ['36'] })).id }),
    body: () => ({ departementCodes: ['41', '36'] }),
  },
  'POST /api/invitations': { body: (_w, r) => ({ email: `${unique('invite')}@example.org`, name: 'Invited', role: r === 'own' ? 'manager' : 'staff' }) },
  'GET /api/invitations/:token': { params: async (w) => ({ token: await freshInvitation(w) }) },
  'POST /api/invitations/:token': { params: async (w) => ({ token: await freshInvitation(w) }), body: () => ({ password: 'long-enough-password' }) },
  'PUT /api/sites/:id/managers': { params: async (w, r) => ({ id: (await buildSite(w.prisma, r === 'other' ? { departement: 'Indre (36)' } : {})).id }), body: (w) => ({ userIds: [w.users.manager.id] }) },
  'POST /api/assignments': {
    body: async (w, r) => ({ internId: (await freshIntern(w, r)).id, bedId: (await buildRoom(w.prisma, { beds: 1 })).beds[0].id, startDate: '2027-05-01', endDate: '2027-10-31' }),
  },
  'PATCH /api/assignments/:id': { params: (w, r) => ({ id: (r === 'other' ? w.otherAssignment : w.ownAssignment).id }), body: () => ({ locked: true }) },
  'DELETE /api/assignments/:id': {
    params: async (w, r) => {
      const room = await buildRoom(w.prisma, { beds: 1 });
      const a = await w.prisma.assignment.create({ data: { internId: (await freshIntern(w, r)).id, bedId: room.beds[0].id, startDate: toDate('2027-05-01'), endDate: toDate('2027-10-31') } });
      return { id: a.id };
    },
  },
  // An empty far-future window: previews are quick, applies write nothing and never go stale.
  // An empty year of its own keeps these calls cheap; the département decides own/other.
  'GET /api/coverage': { query: (_w, r) => `from=${COVERAGE_YEAR}-05-01&to=${COVERAGE_YEAR}-10-31&departement=${r === 'own' ? '41' : '36'}` },
  'POST /api/coverage/suggestions': { body: (_w, r) => ({ from: `${COVERAGE_YEAR}-05-01`, to: `${COVERAGE_YEAR}-10-31`, departement: r === 'own' ? '41' : '36', k: 3 }) },
  'POST /api/matching/preview': { body: () => ({ from: `${MATCHING_YEAR}-05-01`, to: `${MATCHING_YEAR}-10-31` }) },
  'POST /api/matching/preview/jobs': { body: () => ({ from: `${MATCHING_YEAR}-05-01`, to: `${MATCHING_YEAR}-10-31` }) },
  'GET /api/matching/preview/jobs/:id': { params: (w, r, http) => finishedPreviewJob(w, r, http) },
  'DELETE /api/matching/preview/jobs/:id': { params: (w, r, http) => finishedPreviewJob(w, r, http) },
  'POST /api/matching/apply': {
    body: async (w, r) => {
      const window = { from: `${MATCHING_YEAR}-05-01`, to: `${MATCHING_YEAR}-10-31` };
      const { run } = await previewMatching({ prisma: w.prisma, provider: straightLineTestProvider(), solve: solveInstance, window, limitMinutes: 30, actor: null });
      await w.prisma.matchingRun.update({ where: { id: run.id }, data: { departements: [departementOf(r)] } });
      return { runId: run.id };
    },
  },
  'GET /api/matching/runs/:id/candidates': {
    params: async (w, r) => {
      const window = { from: w.ownPlacement.startDate.toISOString().slice(0, 10), to: w.ownPlacement.endDate.toISOString().slice(0, 10) };
      const { run } = await previewMatching({ prisma: w.prisma, provider: straightLineTestProvider(), solve: solveInstance, window, limitMinutes: 30, actor: null });
      await w.prisma.matchingRun.update({ where: { id: run.id }, data: { departements: [departementOf(r)] } });
      return { id: run.id };
    },
    query: (w, r) => `internId=${placement(w, r).internId}`,
  },
  'GET /api/matching/runs/:id': { params: async (w, r) => ({ id: (await w.prisma.matchingRun.create({ data: { kind: 'apply', departements: [departementOf(r)], input: {}, result: {} } })).id }) },
  'GET /api/placements/:id/nearby-sites': { params: (w, r) => ({ id: placement(w, r).id }) },
  'GET /api/placements/:id/isochrone': { params: (w, r) => ({ id: placement(w, r).id }) },
  'GET /api/drive-times/nearby': { query: () => 'lng=1.5&lat=47.5&minutes=30' },
  'GET /api/indicators/semesters': { query: (_w, r) => `departement=${departementOf(r)}&count=2` },
  'GET /api/indicators/semesters.csv': { query: (_w, r) => `departement=${departementOf(r)}&count=2` },
  'POST /api/import/sites': { query: () => 'format=geojson&dryRun=1', body: () => ({ type: 'FeatureCollection', features: [] }) },
  'POST /api/api-keys': { body: () => ({ label: unique('Authz key'), perMinute: 10, perDay: 100 }) },
  'DELETE /api/api-keys/:id': {
    params: async (w, r) => {
      const ownerId = r === 'other' ? (await buildUser(w.prisma, { role: 'staff', departementCodes: ['36'] })).id : w.users.staff.id;
      return { id: (await w.prisma.apiKey.create({ data: { label: unique('Revoke me'), keyHash: unique('hash'), prefix: 'authz', ownerId, perMinute: 1, perDay: 1 } })).id };
    },
  },
  'POST /ors/v2/matrix': { body: () => ({ locations: [[1.33, 47.59], [1.74, 47.36]] }) },
  'POST /ors/v2/matrix/:profile': { params: () => ({ profile: 'driving-car' }), body: () => ({ locations: [[1.33, 47.59], [1.74, 47.36]] }) },
  'POST /ors/v2/matrix/:profile/json': { params: () => ({ profile: 'driving-car' }), body: () => ({ locations: [[1.33, 47.59], [1.74, 47.36]] }) },
  'POST /ors/v2/matrix/:profile/:format': { params: () => ({ profile: 'driving-car', format: 'xml' }), body: () => ({ locations: [[1.33, 47.59], [1.74, 47.36]] }) },
  'POST /ors/v2/isochrones': { body: () => ({ locations: [[1.33, 47.59]], range: [600] }) },
  'POST /ors/v2/isochrones/:profile': { params: () => ({ profile: 'driving-car' }), body: () => ({ locations: [[1.33, 47.59]], range: [600] }) },
  'POST /ors/v2/isochrones/:profile/geojson': { params: () => ({ profile: 'driving-car' }), body: () => ({ locations: [[1.33, 47.59]], range: [600] }) },
  'POST /ors/v2/isochrones/:profile/:format': { params: () => ({ profile: 'driving-car', format: 'gpx' }), body: () => ({ locations: [[1.33, 47.59]], range: [600] }) },
};

/**
 * The authorization matrix, generated from the routes the application declares: every route ×
 * every kind of actor, the outcome its declared `access` promises, and nothing written by a refusal.
 * A new route joins the matrix by existing; a route that declares no access fails the suite.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../src/platform/http/route.ts';
import { roles } from '../../src/platform/policy/actor.ts';
import { createTestApp } from '../helpers/app.ts';
import { createAgents, type Expectation, expectationFor, expectationLabel, type MatrixActor, matrixActors } from './actors.ts';
import { changedTables, createFingerprinter } from './fingerprint.ts';
import { pathParams, type RouteInput, routeKey, seedFor, urlFor, validInput } from './route-inputs.ts';

/** Fixed so that runs are reproducible; override with TOTEM_SECURITY_SEED to explore. */
const seed = Number(process.env.TOTEM_SECURITY_SEED ?? 20_250_611);

const t = await createTestApp();
afterAll(async () => {
  await t.deps.mailer.flush();
  await t.close();
});
const fingerprint = await createFingerprinter(t);
const agents = createAgents(t);
const routes: RouteDef[] = t.app.totemRoutes;
const accessKinds = ['public', 'signed_in', 'territory', 'platform_admin'];

/** What is wrong with a route's declaration, if anything. */
function declarationProblems(r: RouteDef): string[] {
  const access = r.access as RouteDef['access'] | undefined;
  if (!access || !accessKinds.includes(access.kind)) return ['declares no access'];
  if (access.kind !== 'territory') return [];
  const problems: string[] = [];
  if (!pathParams(r.url).includes('slug')) problems.push('has territory access but no :slug path parameter');
  if (!r.schema.params) problems.push('has territory access but no params schema to validate :slug');
  if (!Array.isArray(access.roles) || access.roles.length === 0) problems.push('has territory access with no roles');
  for (const role of access.roles ?? []) if (!roles.includes(role)) problems.push(`names an unknown role "${role}"`);
  return problems;
}

describe('route declarations', () => {
  it('the application exposes its API routes to the security suite', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(r.url.startsWith('/api/'), routeKey(r)).toBe(true);
  });

  it('every route declares its access, and territory routes name their territory with :slug', () => {
    const problems = routes.flatMap((r) => declarationProblems(r).map((p) => `${routeKey(r)} ${p}`));
    expect(problems).toEqual([]);
  });

  it('the write detector sees a write (so that "nothing written" can fail)', async () => {
    const admin = await agents.get({ kind: 'role', label: 'admin', role: 'admin', email: 'admin@alpha.test' });
    const before = await fingerprint();
    const payload = { slug: 'detector-check', labelFr: 'Contrôle', labelEn: 'Check' };
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload });
    expect(res.statusCode).toBe(201);
    const changed = changedTables(before, await fingerprint());
    expect(changed.some((c) => c.startsWith('audit_log:'))).toBe(true);
    expect(changed.some((c) => c.startsWith('territory_themes:'))).toBe(true);
  });

  it('the OpenAPI document lists every route, with a security requirement unless public', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const problems: string[] = [];
    for (const r of routes) {
      const op = doc.paths[r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      if (!op) problems.push(`${routeKey(r)} is missing from the OpenAPI document`);
      else if ((r.access?.kind !== 'public') !== Boolean(op.security?.length))
        problems.push(`${routeKey(r)} has the wrong security requirement`);
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Reads first, then writes, then deletions (sub-resources before resources), so that a request
 * removing something runs after those that need it.
 */
const methodRank: Record<string, number> = { GET: 0, HEAD: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };
const ordered = routes
  .filter((r) => declarationProblems(r).length === 0)
  .map((r, i) => ({ r, i }))
  .sort((a, b) => {
    const rank = (methodRank[String(a.r.method)] ?? 1) - (methodRank[String(b.r.method)] ?? 1);
    if (rank !== 0) return rank;
    return a.r.method === 'DELETE' ? b.r.url.length - a.r.url.length : a.i - b.i;
  })
  .map(({ r }) => r);

/** Refusals first, then the actors the route is for (whose writes may change what follows). */
const actorsFor = (r: RouteDef) =>
  matrixActors
    .map((actor) => ({ actor, expected: expectationFor(r.access, actor) }))
    .sort((a, b) => Number(a.expected === 'allowed') - Number(b.expected === 'allowed'));

const inputs = new Map<string, RouteInput>();
function inputOf(r: RouteDef): RouteInput {
  const key = routeKey(r);
  let input = inputs.get(key);
  if (!input) {
    input = validInput(r, seedFor(seed, key));
    inputs.set(key, input);
  }
  return input;
}

function checkOutcome(expected: Expectation, status: number, code: unknown, context: string) {
  switch (expected) {
    case 'unauthenticated':
      expect({ status, code }, context).toEqual({ status: 401, code: 'unauthenticated' });
      break;
    case 'forbidden':
      expect({ status, code }, context).toEqual({ status: 403, code: 'forbidden' });
      break;
    case 'forbidden_or_hidden':
      expect(status === 403 ? { status, code } : status, context).toEqual(status === 403 ? { status: 403, code: 'forbidden' } : 404);
      break;
    case 'allowed':
      // A wrong password is an answer of the sign-in routes, not a refusal of the actor.
      if (!(status === 401 && code === 'invalid_credentials')) expect([401, 403], context).not.toContain(status);
      break;
  }
}

async function runCell(r: RouteDef, actor: MatrixActor, expected: Expectation) {
  const input = inputOf(r);
  const agent = await agents.get(actor);
  const before = await fingerprint();
  const res = await t.request(agent, {
    method: r.method as 'GET',
    url: urlFor(r.url, input.params, input.query),
    headers: { 'accept-language': 'en' },
    ...(input.body === undefined ? {} : { payload: input.body as object }),
  });
  const after = await fingerprint();
  const body = res.body.length > 400 ? `${res.body.slice(0, 400)}…` : res.body;
  const context = `${routeKey(r)} as ${actor.label} with ${JSON.stringify(input)} (seed ${seed}) answered ${res.statusCode} ${body}`;
  const problem = res.headers['content-type']?.includes('application/problem+json') ? (res.json() as { code?: unknown }) : {};

  expect(res.statusCode, context).toBeLessThan(500);
  checkOutcome(expected, res.statusCode, problem.code, context);
  // A refusal writes nothing; neither does a route that does not declare itself a write.
  if (expected !== 'allowed' || !r.write) expect(changedTables(before, after), `${context}: changed the database`).toEqual([]);
  if (r.method !== 'GET') await agents.check(actor);
}

describe(`authorization matrix: ${ordered.length} routes × ${matrixActors.length} actors (seed ${seed})`, () => {
  for (const r of ordered) {
    describe(routeKey(r), () => {
      for (const { actor, expected } of actorsFor(r)) {
        it(`${routeKey(r)} × ${actor.label} → ${expectationLabel[expected]}`, () => runCell(r, actor, expected));
      }
    });
  }
});

import type { Access } from '../../src/platform/http/route.ts';
import { type Role, roles } from '../../src/platform/policy/actor.ts';
import { type Agent, type TestApp, testPassword } from '../helpers/app.ts';

/** Who knocks: nobody, the admin of another territory, each role of `alpha`, a platform admin. */
export type MatrixActor =
  | { kind: 'anonymous'; label: 'anonymous' }
  | { kind: 'other_territory_admin'; label: string; email: string }
  | { kind: 'role'; label: Role; role: Role; email: string }
  | { kind: 'platform_admin'; label: 'platform admin'; email: string };

export const matrixActors: MatrixActor[] = [
  { kind: 'anonymous', label: 'anonymous' },
  { kind: 'other_territory_admin', label: 'admin of beta', email: 'admin@beta.test' },
  ...roles.map((role): MatrixActor => ({ kind: 'role', label: role, role, email: `${role}@alpha.test` })),
  { kind: 'platform_admin', label: 'platform admin', email: 'root@platform.test' },
];

/** What the declared access promises to an actor, for a territory route acting on `alpha`. */
export type Expectation = 'unauthenticated' | 'forbidden' | 'forbidden_or_hidden' | 'allowed';

export function expectationFor(access: Access, actor: MatrixActor): Expectation {
  if (access.kind === 'public') return 'allowed';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (actor.kind === 'platform_admin') return 'allowed';
  switch (access.kind) {
    case 'signed_in':
      return 'allowed';
    case 'platform_admin':
      return 'forbidden';
    case 'territory':
      if (actor.kind === 'other_territory_admin') return 'forbidden_or_hidden';
      return access.roles.includes(actor.role) ? 'allowed' : 'forbidden';
    default:
      throw new Error(`unknown access ${JSON.stringify(access)}`);
  }
}

export const expectationLabel: Record<Expectation, string> = {
  unauthenticated: '401',
  forbidden: '403',
  forbidden_or_hidden: '403 or 404',
  allowed: 'allowed',
};

/**
 * Signs in through the route itself, never from a cache: some routes under test end sessions
 * (sign-out, password reset), so an actor may need a new one.
 */
export async function signInFresh(t: TestApp, email: string): Promise<Agent> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: testPassword } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'totem_session');
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return { email, cookie: `totem_session=${cookie.value}`, csrf: String(res.json().csrfToken) };
}

/** One session per signed-in actor, renewed when a request under test has ended it. */
export function createAgents(t: TestApp) {
  const agents = new Map<string, Agent>();
  return {
    async get(actor: MatrixActor): Promise<Agent | null> {
      if (actor.kind === 'anonymous') return null;
      const known = agents.get(actor.email);
      if (known) return known;
      const agent = await signInFresh(t, actor.email);
      agents.set(actor.email, agent);
      return agent;
    },
    /** Forgets the session when it no longer authenticates, so the next `get` signs in again. */
    async check(actor: MatrixActor): Promise<void> {
      if (actor.kind === 'anonymous') return;
      const agent = agents.get(actor.email);
      if (!agent) return;
      const res = await t.request(agent, { method: 'GET', url: '/api/v1/auth/session' });
      if (res.json().authenticated !== true) agents.delete(actor.email);
    },
  };
}

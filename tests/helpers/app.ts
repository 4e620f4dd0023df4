import type { FastifyInstance, InjectOptions } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createAccountsService, createMembersService } from '../../src/modules/identity/index.ts';
import { createTerritoriesService } from '../../src/modules/territories/index.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/platform/context.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { type Role, roles, systemActor } from '../../src/platform/policy/actor.ts';
import { openTestDatabase } from './database.ts';
import { startSmtpCapture } from './smtp.ts';

export const testPassword = 'correct-horse-battery';
const sys = { actor: systemActor, locale: 'fr' as const, requestId: 'test' };

/** A person signed in through the real sign-in route: their cookie and CSRF token. */
export type Agent = { email: string; cookie: string; csrf: string };

/**
 * The whole application on a fresh database, with two territories (`alpha`, `beta`), one account
 * per role in `alpha` (`<role>@alpha.test`), an admin of `beta`, and a platform admin.
 */
export async function createTestApp(opts: { clock?: Clock; env?: NodeJS.ProcessEnv; serveWeb?: boolean } = {}) {
  const smtp = await startSmtpCapture();
  const config = { ...loadConfig({ ...opts.env, SMTP_URL: smtp.url, PUBLIC_URL: 'http://localhost:3000', DATA_DIR: '/nonexistent' }) };
  const log = pino({ level: 'silent' });
  const database = await openTestDatabase();
  const clock = opts.clock ?? { now: () => new Date() };
  const deps: Deps = { database, clock, config, log, mailer: createMailer(database, { smtpUrl: smtp.url, from: config.mailFrom }, log) };
  const app = await buildApp(deps, { logger: false, serveWeb: opts.serveWeb ?? false });
  await app.ready();

  const territories = createTerritoriesService(deps);
  const members = createMembersService(deps);
  await territories.create(sys, { slug: 'alpha', name: 'Alpha', timeZone: 'Europe/Paris', epciSiren: '200072460' });
  await territories.create(sys, { slug: 'beta', name: 'Beta', timeZone: 'Europe/Paris' });
  for (const role of roles)
    await members.grant(sys, 'alpha', { email: `${role}@alpha.test`, displayName: `Alpha ${role}`, role }, testPassword);
  await members.grant(sys, 'beta', { email: 'admin@beta.test', displayName: 'Beta admin', role: 'admin' }, testPassword);
  await createAccountsService(deps).createPlatformAdmin(sys, { email: 'root@platform.test', displayName: 'Root', password: testPassword });
  await deps.mailer.flush();
  smtp.mails.length = 0;

  const agents = new Map<string, Agent>();
  async function signIn(email: string, password = testPassword): Promise<Agent> {
    const cached = agents.get(email);
    if (cached) return cached;
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'totem_session');
    if (!cookie) throw new Error('no session cookie');
    const agent = { email, cookie: `totem_session=${cookie.value}`, csrf: res.json().csrfToken as string };
    agents.set(email, agent);
    return agent;
  }

  /** `app.inject` as a signed-in person (cookie + CSRF header), or anonymously. */
  async function request(agent: Agent | null, options: InjectOptions) {
    const headers = { ...(options.headers ?? {}) } as Record<string, string>;
    if (agent) {
      headers.cookie = agent.cookie;
      headers['x-csrf-token'] = agent.csrf;
    }
    return app.inject({ ...options, headers });
  }

  return {
    app: app as FastifyInstance,
    deps,
    smtp,
    signIn,
    request,
    emailOf: (role: Role) => `${role}@alpha.test`,
    async close() {
      await app.close();
      await deps.mailer.flush().catch(() => 0);
      await database.close();
      await smtp.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

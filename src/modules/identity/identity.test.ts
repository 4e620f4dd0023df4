import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testPassword } from '../../../tests/helpers/app.ts';
import { createIdentityMaintenance } from './maintenance.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tokenIn = (text: string) => /#token=([\w-]+)/.exec(text)?.[1] ?? '';

describe('sign-in and sessions', () => {
  it('signs in with a password, sets an HttpOnly SameSite cookie and reports the roles', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'Staff@Alpha.test', password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'totem_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ authenticated: true, memberships: [{ slug: 'alpha', roles: ['staff'] }] });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown account', async () => {
    const wrong = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'member@alpha.test', password: 'nope' },
    });
    const unknown = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'ghost@alpha.test', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().title).toBe(unknown.json().title);
  });

  it('rate-limits sign-in per account after 5 failures, even with the right password', async () => {
    const email = 'reviewer@alpha.test';
    for (let i = 0; i < 5; i++) {
      const r = await t.request(null, { method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: `bad-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.request(null, { method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: testPassword } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('rate_limited');
  });

  it('rate-limits sign-in per IP across accounts', async () => {
    const ip = '203.0.113.7';
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: ip,
        payload: { email: `nobody${i}@x.test`, password: 'bad' },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const payload = { slug: 'csrf-theme', labelFr: 'Thème', labelEn: 'Theme' };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/territories/alpha/themes', headers: { cookie: admin.cookie }, payload });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    const ok = await t.request(admin, { method: 'POST', url: '/api/v1/territories/alpha/themes', payload });
    expect(ok.statusCode).toBe(201);
  });

  it('signs out: the cookie no longer authenticates', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'member@alpha.test', password: testPassword },
    });
    const cookie = `totem_session=${res.cookies.find((c) => c.name === 'totem_session')?.value}`;
    const csrf = res.json().csrfToken;
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(after.json().authenticated).toBe(false);
  });
});

describe('magic link and password reset', () => {
  it('e-mails a single-use sign-in link that opens a session', async () => {
    const res = await t.request(null, { method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: 'council_member@alpha.test' } });
    expect(res.statusCode).toBe(202);
    const mail = await t.smtp.waitFor('council_member@alpha.test');
    expect(mail.subject).toBe('Votre lien de connexion à Totem');
    const token = tokenIn(mail.text);
    const first = await t.request(null, { method: 'POST', url: '/api/v1/auth/magic-link/verify', payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.email).toBe('council_member@alpha.test');
    const second = await t.request(null, { method: 'POST', url: '/api/v1/auth/magic-link/verify', payload: { token } });
    expect(second.statusCode).toBe(400);
    expect(second.json().code).toBe('token_invalid');
  });

  it('answers 202 for an unknown address without sending anything', async () => {
    const before = t.smtp.mails.length;
    const res = await t.request(null, { method: 'POST', url: '/api/v1/auth/magic-link', payload: { email: 'nobody@nowhere.test' } });
    expect(res.statusCode).toBe(202);
    await t.deps.mailer.flush();
    expect(t.smtp.mails.length).toBe(before);
  });

  it('resets a password by e-mailed link and ends the open sessions', async () => {
    const email = 'place_manager@alpha.test';
    const agent = await t.signIn(email);
    await t.request(null, { method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const token = tokenIn((await t.smtp.waitFor(email)).text);
    const short = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'short' },
    });
    expect(short.statusCode).toBe(422);
    const ok = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(204);
    const session = await t.request(agent, { method: 'GET', url: '/api/v1/auth/session' });
    expect(session.json().authenticated).toBe(false);
    const old = await t.request(null, { method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: testPassword } });
    expect(old.statusCode).toBe(401);
    const fresh = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'a-new-long-password' },
    });
    expect(fresh.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('creates a bearer token shown once, usable without CSRF, and revocable', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const created = await t.request(admin, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'integration' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^totem_/);
    const list = await t.request(admin, { method: 'GET', url: '/api/v1/me/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/territories/alpha/themes',
      headers: auth,
      payload: { slug: 'by-token', labelFr: 'Par jeton', labelEn: 'By token' },
    });
    expect(write.statusCode).toBe(201);
    expect((await t.request(admin, { method: 'DELETE', url: `/api/v1/me/tokens/${id}` })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/territories/alpha/members', headers: auth });
    expect(after.statusCode).toBe(401);
  });

  it("cannot revoke another person's token", async () => {
    const staff = await t.signIn(t.emailOf('staff'));
    const mine = (await t.request(staff, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'mine' } })).json();
    const other = await t.signIn(t.emailOf('admin'));
    const res = await t.request(other, { method: 'DELETE', url: `/api/v1/me/tokens/${mine.id}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('roles per territory', () => {
  it('lets an admin give and take back a role; the new person is invited by e-mail', async () => {
    const admin = await t.signIn(t.emailOf('admin'));
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/members',
      payload: { email: 'newcomer@alpha.test', displayName: 'Newcomer', role: 'reviewer' },
    });
    expect(res.statusCode).toBe(201);
    const mail = await t.smtp.waitFor('newcomer@alpha.test');
    expect(mail.text).toContain('#token=');
    const dup = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/territories/alpha/members',
      payload: { email: 'newcomer@alpha.test', role: 'reviewer' },
    });
    expect(dup.statusCode).toBe(409);
    const del = await t.request(admin, { method: 'DELETE', url: `/api/v1/territories/alpha/members/${res.json().id}` });
    expect(del.statusCode).toBe(204);
    const audit = (await t.request(admin, { method: 'GET', url: '/api/v1/territories/alpha/audit?pageSize=3' })).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['revoke', 'grant', 'create']);
  });

  it('holds different roles in different territories', async () => {
    const root = await t.signIn('root@platform.test');
    await t.request(root, {
      method: 'POST',
      url: '/api/v1/territories/beta/members',
      payload: { email: 'member@alpha.test', role: 'staff' },
    });
    const session = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'member@alpha.test', password: testPassword },
    });
    const byslug = Object.fromEntries(session.json().memberships.map((m: { slug: string; roles: string[] }) => [m.slug, m.roles]));
    expect(byslug).toEqual({ alpha: ['member'], beta: ['staff'] });
  });

  it("never shows another territory's members or audit log", async () => {
    const betaAdmin = await t.signIn('admin@beta.test');
    expect((await t.request(betaAdmin, { method: 'GET', url: '/api/v1/territories/alpha/members' })).statusCode).toBe(403);
    expect((await t.request(betaAdmin, { method: 'GET', url: '/api/v1/territories/alpha/audit' })).statusCode).toBe(403);
    const own = (await t.request(betaAdmin, { method: 'GET', url: '/api/v1/territories/beta/audit?pageSize=200' })).json();
    expect(own.items.length).toBeGreaterThan(0);
    const alphaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).json().id;
    expect(JSON.stringify(own)).not.toContain(alphaId);
  });
});

// Last: it ends every session.
describe('retention', () => {
  it('purges expired sessions, old sign-in attempts and spent e-mail tokens', async () => {
    const later = { now: () => new Date(Date.now() + 40 * 86_400_000) };
    const purged = await createIdentityMaintenance({ database: t.deps.database, clock: later }).purgeExpired();
    expect(purged.attempts).toBeGreaterThan(0);
    expect(purged.sessions).toBeGreaterThan(0);
    expect(purged.tokens).toBeGreaterThan(0);
  });
});

/**
 * Schema-driven fuzzing of every route: hundreds of malformed or hostile requests each, sent
 * anonymously and as a platform admin (by session and by API token, so the input reaches the
 * services). Whatever comes in, the answer is never a 5xx, every error is problem+json, and a
 * refused request writes nothing.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/app.ts';
import { createTestApp, testPassword } from '../helpers/app.ts';
import { changedTables, createFingerprinter, type Fingerprint } from './fingerprint.ts';
import { type FuzzRequest, fuzzRequests, unknownPaths } from './fuzz-requests.ts';
import { routeKey, seedFor, validInput } from './route-inputs.ts';

/** Fixed so that runs are reproducible; override with TOTEM_FUZZ_SEED to explore. */
const seed = Number(process.env.TOTEM_FUZZ_SEED ?? 20_250_611);

const t = await createTestApp();
/**
 * 200 requests per route; past 30 routes the runs shrink (never under 50) so that the file keeps
 * to about a minute on PGlite. TOTEM_FUZZ_RUNS sets the number explicitly.
 */
const numRuns = Number(process.env.TOTEM_FUZZ_RUNS ?? Math.max(50, Math.min(200, Math.floor(6_000 / t.app.totemRoutes.length))));
afterAll(async () => {
  await t.deps.mailer.flush();
  await t.close();
});
const fingerprint = await createFingerprinter(t);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

// Sign-ins of the suite itself come from their own addresses: the fuzzed failed sign-ins from
// 127.0.0.1 soon trip the per-IP rate limit, which must not lock the suite out.
let signIns = 0;
async function signInAdmin(): Promise<Agent> {
  signIns += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email: 'root@platform.test', password: testPassword },
    remoteAddress: `10.99.${Math.floor(signIns / 250)}.${signIns % 250}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of the platform admin failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'totem_session');
  if (!cookie) throw new Error('no session cookie');
  return { email: 'root@platform.test', cookie: `totem_session=${cookie.value}`, csrf: String(res.json().csrfToken) };
}
let session = await signInAdmin();
const bearer = String(
  (await t.request(session, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'Security fuzzing' } })).json().token,
);
let last: Fingerprint = await fingerprint();

type Failure = { reason: string; request: FuzzRequest; status: number; response: string };

const excerpt = (s: string | undefined, n = 240) => {
  if (s === undefined) return undefined;
  const json = JSON.stringify(s);
  return json.length > n ? `${json.slice(0, n)}… (${s.length} chars)` : json;
};
const describeRequest = (r: FuzzRequest) =>
  `${r.kind} | ${r.actor} | ${r.method} ${r.url.length > 200 ? `${r.url.slice(0, 200)}…` : r.url} | headers ${excerpt(JSON.stringify(r.headers))} | body ${excerpt(r.payload) ?? '(none)'}`;

function authHeaders(actor: FuzzRequest['actor']): Record<string, string> {
  if (actor === 'platform admin (token)') return { authorization: `Bearer ${bearer}` };
  if (actor === 'platform admin (session)') return { cookie: session.cookie, 'x-csrf-token': session.csrf };
  return {};
}

/** What no answer may show: secrets, stack traces, source paths, database error texts. */
const leaks = [
  /\$argon2/,
  /password_?hash/i,
  /token_?hash/i,
  /csrf_token/,
  /\n\s+at .+:\d+:\d+/,
  /node_modules\//,
  /\/src\/[\w/.-]+\.ts/,
  /syntax error at or near/,
  /violates [\w ]*constraint/,
  /relation "[^"]*" does not exist/,
  /invalid byte sequence/,
];

/** Everything a response must satisfy, whatever the request. */
function check(r: FuzzRequest, res: LightMyRequestResponse, changed: string[]): string[] {
  const reasons: string[] = [];
  const method = r.method;
  // A pattern counts only when the request did not carry it (an echoed input is not a leak).
  const sent = `${r.url} ${JSON.stringify(r.headers)} ${r.payload ?? ''}`;
  for (const leak of leaks) if (leak.test(res.body) && !leak.test(sent)) reasons.push(`the answer shows ${leak}`);
  if (res.statusCode >= 500) reasons.push(`server error ${res.statusCode}`);
  if (res.statusCode >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json')) reasons.push(`error without problem+json (content-type "${type}")`);
  }
  // A HEAD answer has the headers of the GET one and no body.
  if (res.statusCode >= 400 && method !== 'HEAD') {
    let problem: Record<string, unknown> = {};
    try {
      problem = res.json();
    } catch {
      reasons.push('error body is not JSON');
    }
    if (typeof problem.code !== 'string' || typeof problem.title !== 'string') reasons.push('problem without code or title');
    if (problem.status !== res.statusCode) reasons.push(`problem status ${String(problem.status)} ≠ HTTP ${res.statusCode}`);
  }
  if (res.statusCode >= 400 && res.statusCode < 500 && changed.length) reasons.push(`refused yet wrote: ${changed.join('; ')}`);
  return reasons;
}

async function send(r: FuzzRequest, failures: Failure[]): Promise<void> {
  const options: InjectOptions = {
    method: r.method as 'GET',
    url: r.url,
    headers: { ...authHeaders(r.actor), ...r.headers },
    ...(r.payload === undefined ? {} : { payload: r.payload }),
  };
  let res: LightMyRequestResponse;
  try {
    res = await t.app.inject(options);
  } catch (err) {
    // Rejected by the HTTP client before reaching the server (a URL no client could send).
    failures.push({ reason: `request could not be sent: ${(err as Error).message}`, request: r, status: 0, response: '' });
    return;
  }
  const now = await fingerprint();
  const reasons = check(r, res, changedTables(last, now));
  last = now;
  if (reasons.length) failures.push({ reason: reasons.join(', '), request: r, status: res.statusCode, response: res.body.slice(0, 300) });
  // A fuzzed sign-out or password reset may have ended the admin's session: open another.
  if (r.actor === 'platform admin (session)' && r.method !== 'GET' && res.statusCode < 400) {
    const who = await t.request(session, { method: 'GET', url: '/api/v1/auth/session' });
    if (who.json().authenticated !== true) {
      session = await signInAdmin();
      last = await fingerprint();
    }
  }
}

function report(label: string, runSeed: number, failures: Failure[]): string {
  const distinct = new Map<string, Failure>();
  for (const f of failures) {
    const key = `${f.reason} ${f.status} ${f.request.kind}`;
    if (!distinct.has(key)) distinct.set(key, f);
  }
  const lines = [...distinct.values()]
    .slice(0, 12)
    .map((f) => `- ${f.reason} → ${f.status} ${JSON.stringify(f.response)}\n    ${describeRequest(f.request)}`);
  return `${label}: ${failures.length} failing requests (${distinct.size} distinct), seed ${runSeed} (TOTEM_FUZZ_SEED=${seed}):\n${lines.join('\n')}`;
}

async function fuzz(label: string, arb: fc.Arbitrary<FuzzRequest>, runSeed: number) {
  const failures: Failure[] = [];
  for (const request of fc.sample(arb, { seed: runSeed, numRuns })) await send(request, failures);
  expect(failures.length, report(label, runSeed, failures)).toBe(0);
}

describe(`fuzzing ${t.app.totemRoutes.length} routes × ${numRuns} requests (seed ${seed})`, () => {
  for (const route of t.app.totemRoutes) {
    const key = routeKey(route);
    it(`${key} answers hostile input with 4xx problem+json and writes nothing`, async () => {
      const runSeed = seedFor(seed, key);
      await fuzz(key, fuzzRequests(route, validInput(route, runSeed)), runSeed);
    });
  }

  it('unknown paths under /api answer problem+json', () => fuzz('unknown paths', unknownPaths, seedFor(seed, 'unknown paths')));

  it('nothing polluted Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the server still serves normal requests after the fuzzing', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).statusCode).toBe(200);
    const me = await t.request(null, { method: 'GET', url: '/api/v1/me/tokens', headers: { authorization: `Bearer ${bearer}` } });
    expect(me.statusCode).toBe(200);
  });
});

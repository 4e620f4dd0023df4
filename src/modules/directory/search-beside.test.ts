import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngine } from '../../../tests/helpers/database.ts';
import { besideEachOther, type Db } from '../../platform/db/client.ts';
import { sqlState } from '../../platform/db/sql-state.ts';
import { ZOrganizationSearchQuery } from './search.contract.ts';
import { searchOrganizations, searchTransaction } from './search.service.ts';

/**
 * On PostgreSQL the search reads its page in a transaction of its own, on a second pool, beside the
 * counts read in the request's transaction (`Database.alongside`). PGlite has one connection: the
 * search reads one after the other there, which every other search test covers.
 */
describe.skipIf(testEngine() !== 'postgres')('the search page read beside the counts', () => {
  let t: TestApp;
  let alphaId: string;
  const size = process.env.DATABASE_POOL_SIZE;
  beforeAll(async () => {
    // One connection in each pool: a request holding the first pool's connection while it waits
    // for the second pool's would block every other request if the second could wait for the first.
    process.env.DATABASE_POOL_SIZE = '1';
    t = await createTestApp();
    alphaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).json().id;
    const staff = await t.signIn(t.emailOf('staff'));
    const names = ['Atelier Vitrail', 'Atelier Bois', 'Atelier Cuir', 'Studio Vitrail', 'Fonderie Atelier'];
    for (const [i, name] of names.entries()) {
      const res = await t.request(staff, {
        method: 'POST',
        url: '/api/v1/territories/alpha/directory/organizations',
        payload: {
          kind: i % 2 ? 'sme' : 'startup',
          name,
          communeInsee: '62193',
          tags: [`t${i % 3}`],
          isPublic: true,
          publicFields: ['tags'],
        },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  });
  afterAll(async () => {
    await t?.close();
    if (size === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = size;
  });

  it('answers concurrent searches with one connection per pool, as the same search read in one transaction does', async () => {
    const url = '/api/v1/territories/alpha/organizations?q=atelier&pageSize=2';
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.request(null, { method: 'GET', url })));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const query = ZOrganizationSearchQuery.parse({ q: 'atelier', pageSize: '2' });
    const alone = await t.deps.database.transaction({ territoryId: alphaId }, (tx) =>
      searchOrganizations(tx, alphaId, query, 'public', 'fr'),
    );
    const body = answers[0]?.json();
    expect(body.total).toBe(4);
    expect(body.items.map((o: { name: string }) => o.name)).toEqual(alone.items.map((o) => o.name));
    expect(body.facets).toEqual(alone.facets);
    for (const r of answers) expect(r.json()).toEqual(body);
  });

  it('reads only the territory it is given, and writes nothing', async () => {
    const alongside = t.deps.database.alongside;
    if (!alongside) throw new Error('PostgreSQL has a second pool');
    const count = (territoryId: string) =>
      alongside({ territoryId }, async (tx) => {
        const r = await tx.execute(sql`SELECT count(*)::int AS n FROM organizations`);
        return (r as unknown as { rows: { n: number }[] }).rows[0]?.n;
      });
    expect(await count(alphaId)).toBe(5);
    const betaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/beta' })).json().id;
    expect(await count(betaId)).toBe(0);
    const write = alongside({ territoryId: alphaId }, (tx) => tx.execute(sql`UPDATE organizations SET name = 'x'`));
    // 25006: read_only_sql_transaction.
    expect(await write.then(() => 'written', sqlState)).toBe('25006');
    expect(await count(alphaId)).toBe(5);
  });
});

/** With the default pools: the write below needs a connection while the search's transaction holds one. */
describe.skipIf(testEngine() !== 'postgres')('the read beside a search takes its snapshot', () => {
  let t: TestApp;
  let alphaId: string;
  beforeAll(async () => {
    t = await createTestApp();
    alphaId = (await t.request(null, { method: 'GET', url: '/api/v1/territories/alpha' })).json().id;
  });
  afterAll(async () => t?.close());

  const countOrganizations = async (tx: Db) => {
    const r = await tx.execute(sql`SELECT count(*)::int AS n FROM organizations`);
    return (r as unknown as { rows: { n: number }[] }).rows[0]?.n;
  };

  it('reads what the transaction it stands beside reads, not an organisation committed meanwhile', async () => {
    const { database } = t.deps;
    const alongside = database.alongside;
    if (!alongside) throw new Error('PostgreSQL has a second pool');
    const staff = await t.signIn(t.emailOf('staff'));
    const create = () =>
      t.request(staff, {
        method: 'POST',
        url: '/api/v1/territories/alpha/directory/organizations',
        payload: { kind: 'sme', name: `Atelier ${Math.random()}` },
      });
    const seen = await database.transaction(
      { territoryId: alphaId },
      async (tx) => {
        const before = await countOrganizations(tx);
        expect((await create()).statusCode).toBe(201);
        const [own, beside] = await besideEachOther(tx, countOrganizations, countOrganizations, (fn, snapshot) =>
          alongside({ territoryId: alphaId }, fn, snapshot),
        );
        return { before, own, beside };
      },
      searchTransaction,
    );
    expect(seen.own).toBe(seen.before);
    expect(seen.beside).toBe(seen.before);
    const after = await database.transaction({ territoryId: alphaId }, countOrganizations);
    expect(after).toBe((seen.before ?? 0) + 1);
  });

  it('refuses what is not a snapshot id, before reading anything', async () => {
    const alongside = t.deps.database.alongside;
    if (!alongside) throw new Error('PostgreSQL has a second pool');
    await expect(alongside({ territoryId: alphaId }, countOrganizations, "1'; DROP TABLE organizations; --")).rejects.toThrow(
      'not a snapshot id',
    );
  });
});

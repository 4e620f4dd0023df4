import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../../tests/helpers/database.ts';
import type { Database } from '../platform/db/client.ts';
import { hourlyMaintenance } from './maintenance.ts';

const now = new Date('2026-06-30T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const outbox = () =>
  database.transaction({ system: true }, async (tx) => {
    const r = await tx.execute(sql`SELECT subject FROM mail_outbox ORDER BY subject`);
    return (r as unknown as { rows: { subject: string }[] }).rows.map((m) => m.subject);
  });

describe('the hourly maintenance of a running server', () => {
  it('deletes e-mails sent more than 90 days ago, keeping recent, pending and failed ones', async () => {
    const mail = (subject: string, status: string, sentAt: Date | null, createdAt: Date) =>
      sql`(${subject}, 'x@example.test', 'text', ${status}, ${sentAt?.toISOString() ?? null}::timestamptz, ${createdAt.toISOString()}::timestamptz)`;
    await database.transaction({ system: true }, (tx) =>
      tx.execute(sql`INSERT INTO mail_outbox (subject, to_address, body_text, status, sent_at, created_at) VALUES
        ${sql.join(
          [
            mail('a sent 91 days ago', 'sent', daysAgo(91), daysAgo(91)),
            mail('b sent 89 days ago', 'sent', daysAgo(89), daysAgo(91)),
            mail('c pending for 120 days', 'pending', null, daysAgo(120)),
            mail('d failed 120 days ago', 'failed', null, daysAgo(120)),
            mail('e sent 400 days ago', 'sent', daysAgo(400), daysAgo(400)),
          ],
          sql`, `,
        )}`),
    );
    const result = await hourlyMaintenance({ database, clock: { now: () => now } });
    expect(result.sentMails).toBe(2);
    expect(await outbox()).toEqual(['b sent 89 days ago', 'c pending for 120 days', 'd failed 120 days ago']);
    expect((await hourlyMaintenance({ database, clock: { now: () => now } })).sentMails).toBe(0);
  });

  // A server's autovacuum does this itself; PGlite runs no background worker.
  it.skipIf(testEngine() === 'postgres')(
    'vacuums on the embedded database the tables autovacuum would, and leaves the others',
    async () => {
      await hourlyMaintenance({ database, clock: { now: () => now } });
      const stats = () =>
        database.transaction({ system: true }, async (tx) => {
          const r = await tx.execute(sql`SELECT relname, n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed
            FROM pg_stat_user_tables WHERE relname IN ('mail_outbox', 'territories') ORDER BY relname`);
          return (r as unknown as { rows: { relname: string; dead: number; vacuumed: boolean }[] }).rows;
        });
      // 400 e-mails written, then each updated once: 400 dead rows, past 50 + 20% of the live ones.
      await database.transaction({ system: true }, async (tx) => {
        await tx.execute(sql`INSERT INTO mail_outbox (subject, to_address, body_text, status)
          SELECT 'bulk ' || g, 'x@example.test', 'text', 'pending' FROM generate_series(1, 400) AS g`);
      });
      await database.transaction({ system: true }, (tx) => tx.execute(sql`UPDATE mail_outbox SET attempts = attempts + 1`));
      const result = await hourlyMaintenance({ database, clock: { now: () => now } });
      expect(result.vacuumed).toContain('mail_outbox');
      expect(result.vacuumed).not.toContain('territories');
      expect(await stats()).toEqual([
        { relname: 'mail_outbox', dead: 0, vacuumed: true },
        { relname: 'territories', dead: 0, vacuumed: false },
      ]);
      // Nothing changed since: nothing is due.
      expect(await hourlyMaintenance({ database, clock: { now: () => now } })).toMatchObject({ vacuumed: [], analyzed: [] });
    },
  );
});

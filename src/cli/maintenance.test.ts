import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/helpers/database.ts';
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
});

import { asc } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/helpers/database.ts';
import { startSmtpCapture } from '../../../tests/helpers/smtp.ts';
import type { Database } from '../db/client.ts';
import { mailOutbox } from './mail.tables.ts';
import { createMailer } from './mailer.ts';

let database: Database;
const log = pino({ level: 'silent' });
const from = 'Totem <no-reply@totem.test>';
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const outbox = () => database.transaction({ system: true }, (tx) => tx.select().from(mailOutbox).orderBy(asc(mailOutbox.subject)));
const clear = () => database.transaction({ system: true }, (tx) => tx.delete(mailOutbox));
const enqueue = (mailer: ReturnType<typeof createMailer>, subjects: string[]) =>
  database.transaction({ system: true }, async (tx) => {
    for (const subject of subjects) await mailer.enqueue(tx, { to: 'camille@example.test', subject, text: `Corps ${subject}` });
  });

describe('the mail outbox', () => {
  it('sends every pending message once and marks them sent, one attempt each', async () => {
    await clear();
    const smtp = await startSmtpCapture();
    try {
      const mailer = createMailer(database, { smtpUrl: smtp.url, from }, log);
      await enqueue(mailer, ['a', 'b', 'c']);
      expect(await mailer.flush()).toBe(3);
      expect(smtp.mails.map((m) => m.subject).sort()).toEqual(['a', 'b', 'c']);
      expect((await outbox()).map((m) => [m.subject, m.status, m.attempts, m.sentAt !== null])).toEqual([
        ['a', 'sent', 1, true],
        ['b', 'sent', 1, true],
        ['c', 'sent', 1, true],
      ]);
      // Nothing left: a second run sends nothing again.
      expect(await mailer.flush()).toBe(0);
      expect(smtp.mails).toHaveLength(3);
    } finally {
      await smtp.close();
    }
  });

  it('keeps a message it could not deliver for another attempt, and gives up after five', async () => {
    await clear();
    // A loopback port where nothing listens: every delivery fails.
    const smtp = await startSmtpCapture();
    const url = smtp.url;
    await smtp.close();
    const mailer = createMailer(database, { smtpUrl: url, from }, log);
    await enqueue(mailer, ['d']);
    expect(await mailer.flush()).toBe(0);
    expect((await outbox()).map((m) => [m.status, m.attempts, Boolean(m.lastError)])).toEqual([['pending', 1, true]]);
    for (let i = 0; i < 4; i++) await mailer.flush();
    expect((await outbox()).map((m) => [m.status, m.attempts])).toEqual([['failed', 5]]);
    expect(await mailer.flush()).toBe(0);
    expect((await outbox())[0]?.attempts).toBe(5);
  });
});

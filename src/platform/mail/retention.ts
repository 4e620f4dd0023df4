import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox } from './mail.tables.ts';

/**
 * Sent e-mails are kept this many days (to answer "did I get the confirmation?"), then deleted:
 * they hold personal data (addresses, names, booking details) that has no purpose after that.
 */
export const SENT_MAIL_RETENTION_DAYS = 90;

/** Deletes the e-mails sent more than `days` days before `now`; pending and failed ones stay. Returns how many. */
export async function purgeSentMail(database: Database, now: Date, days = SENT_MAIL_RETENTION_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const rows = await database.transaction({ system: true }, (tx) =>
    tx
      .delete(mailOutbox)
      .where(and(eq(mailOutbox.status, 'sent'), lt(mailOutbox.sentAt, before)))
      .returning({ id: mailOutbox.id }),
  );
  return rows.length;
}

import { eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.ts';
import { mailOutbox, type TMailAttachment } from './mail.tables.ts';

export type MailMessage = { to: string; subject: string; text: string; html?: string; attachments?: TMailAttachment[] };

export type Mailer = {
  /** Queues a message in the caller's transaction: it leaves only if that transaction commits. */
  enqueue(tx: Db, message: MailMessage): Promise<void>;
  /** Sends what is pending; called after commits and on a timer. */
  flush(): Promise<number>;
};

export type MailConfig = { smtpUrl?: string | undefined; from: string };

/**
 * SMTP through nodemailer when SMTP_URL is set; otherwise (development) each message
 * is printed to the log and kept in the outbox, marked as sent.
 */
export function createMailer(database: Database, config: MailConfig, log: Logger): Mailer {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  let running: Promise<number> | null = null;
  let again = false;

  async function sendPending(): Promise<number> {
    // Claim a batch so that several app processes never send the same message twice.
    const pending = await database.transaction({ system: true }, async (tx) => {
      const r = await tx.execute<typeof mailOutbox.$inferSelect>(sql`
        UPDATE mail_outbox SET status = 'sending'
        WHERE id IN (
          SELECT id FROM mail_outbox WHERE status = 'pending' AND attempts < 5
          ORDER BY created_at LIMIT 50 FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address AS "to", subject, body_text AS "text", body_html AS "html", attachments, attempts`);
      type Claimed = Pick<typeof mailOutbox.$inferSelect, 'id' | 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'attempts'>;
      return (r as unknown as { rows: Claimed[] }).rows;
    });
    const sentIds: string[] = [];
    for (const m of pending) {
      try {
        await transport.sendMail({
          from: config.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html ?? undefined,
          attachments: m.attachments ?? undefined,
        });
        if (!config.smtpUrl) log.info({ mail: { to: m.to, subject: m.subject, text: m.text } }, 'e-mail (development: not sent)');
        sentIds.push(m.id);
      } catch (err) {
        log.warn({ err, mailId: m.id }, 'e-mail delivery failed');
        await database.transaction({ system: true }, (tx) =>
          tx
            .update(mailOutbox)
            .set({
              attempts: m.attempts + 1,
              lastError: String((err as Error).message).slice(0, 500),
              status: m.attempts + 1 >= 5 ? 'failed' : 'pending',
            })
            .where(eq(mailOutbox.id, m.id)),
        );
      }
    }
    // The batch's sent messages marked in one statement: under load, one transaction per batch rather than per message.
    if (sentIds.length) {
      await database.transaction({ system: true }, (tx) =>
        tx
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
          .where(inArray(mailOutbox.id, sentIds)),
      );
    }
    return sentIds.length;
  }

  return {
    async enqueue(tx, message) {
      await tx.insert(mailOutbox).values({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        attachments: message.attachments?.length ? message.attachments : null,
      });
    },
    flush() {
      // One delivery run at a time per process. A call during a run asks for one more run after it,
      // since the message it was made for may have been committed after the run claimed its batch.
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let sent = 0;
        do {
          again = false;
          sent += await sendPending();
        } while (again);
        return sent;
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

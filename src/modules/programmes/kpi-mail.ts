/** The monthly e-mail asking a company for its figures, and its reminders, in the recipient's language. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';

export type KpiMailKind = 'request' | 'reminder';
type Recipient = { email: string; locale: Locale };

/**
 * The company's representatives: people of the directory currently affiliated with it who have an
 * e-mail address. Their language is their account's when they have one, else English for people
 * who list English and not French, else French.
 */
export async function representativesOf(tx: Db, organizationId: string, today: string): Promise<Recipient[]> {
  const r = await tx.execute<{ email: string; locale: string | null; languages: string[] }>(sql`
    SELECT DISTINCT ON (lower(p.email)) p.email, u.locale, p.languages
    FROM affiliations a
    JOIN people p ON p.id = a.person_id
    LEFT JOIN users u ON lower(u.email) = lower(p.email)
    WHERE a.organization_id = ${organizationId} AND p.email IS NOT NULL AND p.erased_at IS NULL
      AND (a.ended_on IS NULL OR a.ended_on >= ${today}::date)
    ORDER BY lower(p.email)`);
  return (r as unknown as { rows: { email: string; locale: string | null; languages: string[] }[] }).rows.map((p) => ({
    email: p.email,
    locale: p.locale === 'en' || (!p.locale && p.languages.includes('en') && !p.languages.includes('fr')) ? 'en' : 'fr',
  }));
}

const subjects: Record<KpiMailKind, Record<Locale, string>> = {
  request: { fr: 'Vos indicateurs du mois', en: 'Your monthly figures' },
  reminder: { fr: 'Rappel : vos indicateurs du mois', en: 'Reminder: your monthly figures' },
};

/** 'mars 2026', 'March 2026': a local date's month, named without any zone arithmetic. */
export const monthName = (period: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}T12:00:00Z`),
  );

export type KpiMail = {
  kind: KpiMailKind;
  organization: string;
  programme: { fr: string; en: string };
  period: string;
  link: string;
};

/** Queues the request (or a reminder) to each representative, in the caller's transaction. */
export async function mailKpi(tx: Db, mailer: Mailer, recipients: Recipient[], m: KpiMail): Promise<void> {
  for (const to of recipients) {
    const fr = to.locale === 'fr';
    const month = monthName(m.period, to.locale);
    const intro = fr
      ? `Bonjour,\n\n${m.organization} est accompagnée dans le programme « ${m.programme.fr} ». Merci de transmettre vos indicateurs (effectif, fonds levés, tranche de chiffre d'affaires, faits marquants) pour ${month} :`
      : `Hello,\n\n${m.organization} is accompanied in the programme "${m.programme.en}". Please send your figures (headcount, funds raised, revenue band, key facts) for ${month}:`;
    const outro = fr ? 'Ce lien est personnel à votre structure.' : 'This link is personal to your organisation.';
    await mailer.enqueue(tx, {
      to: to.email,
      subject: `${subjects[m.kind][to.locale]} — ${m.organization}`,
      text: `${intro}\n\n${m.link}\n\n${outro}\n`,
    });
  }
}

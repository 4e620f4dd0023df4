/** The e-mail telling an applicant the decision on their application, in the language they applied in. */
import type { Locale } from '../../platform/i18n/locale.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import type { TDecisionKind } from './calls.values.ts';

const verdicts: Record<TDecisionKind, Record<Locale, string>> = {
  selected: { fr: 'est retenue', en: 'has been selected' },
  waitlisted: { fr: "est placée sur liste d'attente", en: 'has been placed on the waiting list' },
  rejected: { fr: "n'est pas retenue", en: 'has not been selected' },
};

export function decisionMail(
  to: string,
  locale: Locale,
  decision: TDecisionKind,
  d: { callTitle: string; organization: string; reason: string; territory: string },
): MailMessage {
  if (locale === 'en')
    return {
      to,
      subject: `${d.callTitle}: decision on your application`,
      text: `Hello,\n\nThe application of ${d.organization} to "${d.callTitle}" ${verdicts[decision].en}.\n\nReason: ${d.reason}\n\n${d.territory}`,
    };
  return {
    to,
    subject: `${d.callTitle} : décision sur votre candidature`,
    text: `Bonjour,\n\nLa candidature de ${d.organization} à « ${d.callTitle} » ${verdicts[decision].fr}.\n\nMotif : ${d.reason}\n\n${d.territory}`,
  };
}

export function reminderMail(
  to: string,
  locale: Locale,
  d: { stage: string; missing: number; territory: string; url: string },
): MailMessage {
  if (locale === 'en')
    return {
      to,
      subject: `Reminder: ${d.missing} review(s) to complete`,
      text: `Hello,\n\n${d.missing} review(s) of the stage "${d.stage}" are waiting for you: ${d.url}\n\n${d.territory}`,
    };
  return {
    to,
    subject: `Rappel : ${d.missing} évaluation(s) à terminer`,
    text: `Bonjour,\n\n${d.missing} évaluation(s) de l'étape « ${d.stage} » vous attendent : ${d.url}\n\n${d.territory}`,
  };
}

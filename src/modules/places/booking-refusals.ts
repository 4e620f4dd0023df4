/**
 * Why a person may not book a resource, in French and English. Each reason has a stable code
 * (sent as the field error's `code` of the 403) so that clients can react without reading text.
 */
import type { Locale } from '../../platform/i18n/locale.ts';
import { formatInZone } from '../../platform/time/index.ts';
import type { TAccessAudience } from './places.values.ts';

export type TAccessRefusal = 'audience_required' | 'qualification_missing' | 'qualification_expired' | 'qualification_revoked';

const audienceNames: Record<Locale, Record<TAccessAudience, string>> = {
  fr: {
    public: 'le public',
    resident: 'les habitants des communes du territoire (indiquez votre commune)',
    member: 'les membres du territoire',
    qualified: 'les personnes habilitées',
    staff: 'l’équipe du lieu',
  },
  en: {
    public: 'the public',
    resident: 'residents of the territory’s communes (give your commune)',
    member: 'members of the territory',
    qualified: 'qualified people',
    staff: 'the place’s staff',
  },
};

/** Whom the resource admits, as a sentence. */
export function audienceMessage(access: readonly string[], locale: Locale): string {
  const names = access.map((a) => audienceNames[locale][a as TAccessAudience] ?? a);
  const list = names.join(locale === 'fr' ? ' ou ' : ' or ');
  return locale === 'fr' ? `Cette ressource est réservée à ${list}.` : `This resource is for ${list} only.`;
}

/** Why a machine's qualification does not let the person book it. */
export function qualificationMessage(
  state: 'missing' | 'expired' | 'revoked',
  name: string,
  locale: Locale,
  extra: { at?: Date; zone?: string; reason?: string | null } = {},
): string {
  const fr = locale === 'fr';
  if (state === 'expired' && extra.at && extra.zone) {
    const when = formatInZone(extra.at, extra.zone, locale, 'date');
    return fr
      ? `Votre habilitation « ${name} » a expiré le ${when} : suivez une nouvelle formation pour réserver cette machine.`
      : `Your “${name}” qualification expired on ${when}: attend a training again to book this machine.`;
  }
  if (state === 'revoked') {
    const why = extra.reason ? (fr ? ` (motif : ${extra.reason})` : ` (reason: ${extra.reason})`) : '';
    return fr
      ? `Votre habilitation « ${name} » a été retirée${why} : cette machine ne vous est plus réservable.`
      : `Your “${name}” qualification was revoked${why}: you may no longer book this machine.`;
  }
  return fr
    ? `Cette machine exige l’habilitation « ${name} », obtenue lors d’une formation.`
    : `This machine requires the “${name}” qualification, earned at a training.`;
}

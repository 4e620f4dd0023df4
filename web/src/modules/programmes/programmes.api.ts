import type { TEnrolmentDetail } from '../../../../src/modules/programmes/mentoring.contract.ts';
import type { TEnrolment, TProgramme } from '../../../../src/modules/programmes/programmes.contract.ts';
import type { TReport } from '../../../../src/modules/programmes/reports.contract.ts';
import type { FieldProblem } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locale.ts';

/** The programmes' shapes, taken from the server's contract. */
export type Programme = TProgramme;
export type Enrolment = TEnrolment;
export type EnrolmentDetail = TEnrolmentDetail;
export type Report = TReport;
export type KpiForm = { organization: string; programmeFr: string; programmeEn: string; period: string; answeredAt: string | null };
export type PublicProgramme = {
  slug: string;
  nameFr: string;
  nameEn: string;
  descriptionFr: string | null;
  descriptionEn: string | null;
  kind: string;
  entry: string;
  defaultDurationMonths: number | null;
  cap: number | null;
  themes: { slug: string; labelFr: string; labelEn: string }[];
  cohorts: { name: string; startsOn: string; endsOn: string }[];
  alumni: { id: string; name: string; exitedOn: string }[];
};

const t = (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`;
const id = encodeURIComponent;

/** The programmes endpoints used by the web app. */
export const programmesPaths = {
  programmes: (slug: string) => `${t(slug)}/programmes`,
  programme: (slug: string, programmeId: string) => `${t(slug)}/programmes/${id(programmeId)}`,
  cohorts: (slug: string, programmeId: string) => `${t(slug)}/programmes/${id(programmeId)}/cohorts`,
  cohort: (slug: string, cohortId: string) => `${t(slug)}/cohorts/${id(cohortId)}`,
  enrolments: (slug: string, programmeId: string, status: string, page: number) =>
    `${t(slug)}/programmes/${id(programmeId)}/enrolments?status=${id(status)}&page=${page}&pageSize=20`,
  promote: (slug: string, programmeId: string) => `${t(slug)}/programmes/${id(programmeId)}/waitlist/promote`,
  enrolment: (slug: string, enrolmentId: string) => `${t(slug)}/enrolments/${id(enrolmentId)}`,
  sessions: (slug: string, enrolmentId: string) => `${t(slug)}/enrolments/${id(enrolmentId)}/sessions`,
  milestones: (slug: string, enrolmentId: string) => `${t(slug)}/enrolments/${id(enrolmentId)}/milestones`,
  milestone: (slug: string, milestoneId: string) => `${t(slug)}/milestones/${id(milestoneId)}`,
  exit: (slug: string, enrolmentId: string) => `${t(slug)}/enrolments/${id(enrolmentId)}/exit`,
  report: (slug: string, programmeId: string, ext = '') => `${t(slug)}/programmes/${id(programmeId)}/report${ext}`,
  kpi: (slug: string, token: string) => `${t(slug)}/kpi/${id(token)}`,
  publicProgramme: (slug: string, programmeSlug: string) => `${t(slug)}/public/programmes/${id(programmeSlug)}`,
};

/** The programmes pages' addresses. */
export const programmesHref = {
  board: (slug: string, programmeId?: string) => `/t/${slug}/gestion/programmes${programmeId ? `?programme=${programmeId}` : ''}`,
  create: (slug: string) => `/t/${slug}/gestion/programmes/nouveau`,
  edit: (slug: string, programmeId: string) => `/t/${slug}/gestion/programmes/${programmeId}/modifier`,
};

type SessionLike = { user: { platformAdmin: boolean } | null; memberships: { slug: string; roles: string[] }[] } | null;

/** Whether the signed-in person runs the territory's programmes (admins and staff). */
export function runsProgrammes(session: SessionLike, slug: string): boolean {
  if (!session?.user) return false;
  if (session.user.platformAdmin) return true;
  return session.memberships.some((m) => m.slug === slug && m.roles.some((r) => r === 'admin' || r === 'staff'));
}

/** Euros from cents, in the interface's language. */
export const euros = (cents: number | null, locale: 'fr' | 'en') =>
  cents === null
    ? '—'
    : new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        cents / 100,
      );
/** 'mars 2026' from '2026-03-01'. */
export const monthName = (period: string, locale: 'fr' | 'en') =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}T12:00:00Z`),
  );

/** A text in the interface's language. */
export const pick = <T>(locale: Locale, fr: T, en: T): T => (locale === 'en' ? en : fr);

/**
 * A local calendar date (YYYY-MM-DD) in the interface's language, « 2 mars 2026 »; read at UTC
 * midnight and shown in UTC, so that no zone moves it to the day before.
 */
export const localDay = (day: string | null, locale: Locale): string => (day ? formatDate(day, locale, 'UTC') : '—');

/** Issue codes of the contracts' validation (Zod), whose messages are in English only. */
const contractCodes = new Set(['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'custom', 'not_multiple_of']);

/**
 * The message for a field the server refused. The contract's own messages are in English only, so
 * the field states its rule in the interface's language instead; the services' refusals are
 * already in it (their codes are their own). A service's `too_small` (an end before its start)
 * is covered by the field's rule too.
 */
export function fieldMessage(problem: FieldProblem | undefined, rule: string): string | undefined {
  if (!problem) return undefined;
  return contractCodes.has(problem.code) ? rule : problem.message;
}

/** A whole number typed in a field: null when empty; anything else is sent as typed, for the server to judge. */
export function countOf(typed: string): number | string | null {
  const v = typed.trim();
  if (v === '') return null;
  return /^\d{1,9}$/.test(v) ? Number(v) : v;
}

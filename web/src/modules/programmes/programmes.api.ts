import type { TEnrolmentDetail } from '../../../../src/modules/programmes/mentoring.contract.ts';
import type { TEnrolment, TProgramme } from '../../../../src/modules/programmes/programmes.contract.ts';
import type { TReport } from '../../../../src/modules/programmes/reports.contract.ts';

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
  territory: (slug: string) => t(slug),
  programmes: (slug: string) => `${t(slug)}/programmes`,
  programme: (slug: string, programmeId: string) => `${t(slug)}/programmes/${id(programmeId)}`,
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

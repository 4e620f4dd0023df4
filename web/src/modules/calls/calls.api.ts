import type { z } from 'zod';
import type { TApplication } from '../../../../src/modules/calls/applications.contract.ts';
import type { TCall, TCreateCallRequest, TPublicCall, TUpdateCallRequest } from '../../../../src/modules/calls/calls.contract.ts';
import type { TEligibility, TFormDefinition, TQuestion } from '../../../../src/modules/calls/forms.ts';
import type { TReview, ZAssignment, ZDeclaration, ZRanking } from '../../../../src/modules/calls/review.contract.ts';
import type { TStage } from '../../../../src/modules/calls/stages.contract.ts';

/** The calls module's shapes, taken from the server's contracts. */
export type PublicCall = TPublicCall;
export type Call = TCall;
export type Application = TApplication;
export type ApplicationStatus = TApplication['status'];
export type FormDefinition = TFormDefinition;
export type Section = TFormDefinition['sections'][number];
export type Question = TQuestion;
export type QuestionType = TQuestion['type'];
export type Eligibility = TEligibility;
export type CreateCallRequest = TCreateCallRequest;
export type UpdateCallRequest = TUpdateCallRequest;
export type Answers = Record<string, unknown>;
export type UploadedFile = { id: string; questionId: string; filename: string; contentType: string; size: number; sha256: string };
export type Review = TReview;
export type Stage = TStage;
export type Assignment = z.output<typeof ZAssignment>;
export type Declaration = z.output<typeof ZDeclaration>;
export type RankingRow = z.output<typeof ZRanking>['items'][number];
export type Revision = { revision: number; answers: Answers; changed: string[]; submittedAt: string };

export {
  applicationStatuses,
  callStatuses,
  conflictKinds,
  decisionKinds,
  intakeKinds,
  recommendations,
} from '../../../../src/modules/calls/calls.values.ts';

const t = (slug: string) => `/api/v1/territories/${encodeURIComponent(slug)}`;
const id = encodeURIComponent;

/** A query string from the parameters that have a value. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** The calls endpoints used by the web app. */
export const callsPaths = {
  calls: (slug: string, page = 1, pageSize = 20) => `${t(slug)}/calls${qs({ page: page > 1 ? page : undefined, pageSize })}`,
  create: (slug: string) => `${t(slug)}/calls`,
  call: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}`,
  manage: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}/manage`,
  status: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}/status`,
  publishLaureates: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}/laureates/publish`,
  callApplications: (slug: string, call: string, page = 1, status?: string) =>
    `${t(slug)}/calls/${id(call)}/applications${qs({ page: page > 1 ? page : undefined, pageSize: 20, status })}`,
  apply: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}/applications`,
  /** The organisations the signed-in person acts for (their current affiliations in the directory). */
  myOrganizations: (slug: string) => `${t(slug)}/my/organizations`,
  mine: (slug: string, page = 1) => `${t(slug)}/my-applications${qs({ page: page > 1 ? page : undefined, pageSize: 20 })}`,
  application: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}`,
  answers: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/answers`,
  submit: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/submit`,
  withdraw: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/withdraw`,
  revisions: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/revisions`,
  files: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/files`,
  file: (slug: string, fileId: string) => `${t(slug)}/files/${id(fileId)}`,
  myReviews: (slug: string) => `${t(slug)}/my-reviews`,
  review: (slug: string, reviewId: string) => `${t(slug)}/reviews/${id(reviewId)}`,
  declaration: (slug: string, reviewId: string) => `${t(slug)}/reviews/${id(reviewId)}/declaration`,
  submitReview: (slug: string, reviewId: string) => `${t(slug)}/reviews/${id(reviewId)}/submit`,
  /** The programme a call leads to (its entry and cohorts, for the selection). */
  programme: (slug: string, programmeId: string) => `${t(slug)}/programmes/${id(programmeId)}`,
  stages: (slug: string, call: string) => `${t(slug)}/calls/${id(call)}/stages`,
  stage: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}`,
  panel: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/panel`,
  panelMember: (slug: string, stageId: string, userId: string) => `${t(slug)}/stages/${id(stageId)}/panel/${id(userId)}`,
  advance: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/advance`,
  assignment: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/assignment`,
  pairs: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/pairs`,
  pair: (slug: string, stageId: string, applicationId: string, reviewerId: string) =>
    `${t(slug)}/stages/${id(stageId)}/pairs/${id(applicationId)}/${id(reviewerId)}`,
  ranking: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/ranking`,
  reminders: (slug: string, stageId: string) => `${t(slug)}/stages/${id(stageId)}/reminders`,
  decision: (slug: string, applicationId: string) => `${t(slug)}/applications/${id(applicationId)}/decision`,
  reviewers: (slug: string) => `${t(slug)}/reviewers`,
  reviewerProfile: (slug: string) => `${t(slug)}/reviewer-profile`,
  reviewerThemes: (slug: string, userId: string) => `${t(slug)}/reviewers/${id(userId)}/profile`,
  publicOrganizations: (slug: string, q: string) => `${t(slug)}/organizations${qs({ q: q.trim() || undefined, pageSize: 20 })}`,
  staffOrganizations: (slug: string, q: string) => `${t(slug)}/directory/organizations${qs({ q: q.trim() || undefined, pageSize: 20 })}`,
};

/** Web addresses of the calls' pages (French, like the rest of the portal). */
export const callsHref = {
  list: (slug: string) => `/t/${slug}/appels`,
  call: (slug: string, call: string) => `/t/${slug}/appels/${call}`,
  apply: (slug: string, call: string) => `/t/${slug}/appels/${call}/candidater`,
  mine: (slug: string) => `/t/${slug}/candidatures`,
  application: (slug: string, applicationId: string) => `/t/${slug}/candidatures/${applicationId}`,
  reviews: (slug: string) => `/t/${slug}/evaluations`,
  review: (slug: string, reviewId: string) => `/t/${slug}/evaluations/${reviewId}`,
  staff: (slug: string) => `/t/${slug}/gestion/appels`,
  staffNew: (slug: string) => `/t/${slug}/gestion/appels/nouveau`,
  staffCall: (slug: string, call: string) => `/t/${slug}/gestion/appels/${call}`,
  staffApplications: (slug: string, call: string) => `/t/${slug}/gestion/appels/${call}/candidatures`,
  staffApplication: (slug: string, call: string, applicationId: string) =>
    `/t/${slug}/gestion/appels/${call}/candidatures/${applicationId}`,
};

type SessionLike = { user: { platformAdmin: boolean } | null; memberships: { slug: string; roles: string[] }[] } | null;

/** Whether the person manages the territory's calls: admin, staff, or platform admin. */
export function isCallManager(session: SessionLike, slug: string): boolean {
  if (!session?.user) return false;
  if (session.user.platformAdmin) return true;
  return session.memberships.some((m) => m.slug === slug && m.roles.some((r) => r === 'admin' || r === 'staff'));
}

/** Whether the person reviews applications in the territory. */
export function isReviewer(session: SessionLike, slug: string): boolean {
  return Boolean(session?.memberships.some((m) => m.slug === slug && m.roles.includes('reviewer')));
}

/** A text in the interface's language. */
export function pick<T>(locale: 'fr' | 'en', fr: T, en: T): T {
  return locale === 'en' ? en : fr;
}

/** Every question of a form, in order. */
export const questionsOf = (form: FormDefinition): Question[] => form.sections.flatMap((s) => s.questions);

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The questions shown for these answers: the server's rule (`answers.ts`), so that the form shows
 * what the server will check; a condition on a hidden question hides its question too.
 */
export function visibleQuestions(form: FormDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const q of questionsOf(form)) {
    const w = q.showWhen;
    if (!w) visible.add(q.id);
    else if (visible.has(w.questionId)) {
      const a = answers[w.questionId];
      if (w.operator === 'equals' ? a === w.value : Array.isArray(a) && a.includes(w.value)) visible.add(q.id);
    }
  }
  return visible;
}

/** Answers as the server takes them: visible and non-empty ones only. */
export function answersToSend(form: FormDefinition, answers: Answers): Answers {
  const visible = visibleQuestions(form, answers);
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers)) if (visible.has(k) && !isEmpty(v)) out[k] = v;
  return out;
}

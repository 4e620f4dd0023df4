/** Call rows turned into the DTOs of `calls.contract.ts`, and the window's rules. */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { zonedToInstant } from '../../platform/time/index.ts';
import { organizations } from '../directory/index.ts';
import { territoryThemes } from '../territories/index.ts';
import type { TCall, TPublicCall } from './calls.contract.ts';
import { applications, type calls } from './calls.tables.ts';
import type { Scoped } from './scope.ts';

export type CallRow = typeof calls.$inferSelect;

/** The instant a local date-time (YYYY-MM-DDTHH:MM) stands for in the territory's zone. */
export function localToInstant(local: string, zone: string): Date {
  const [date, time] = local.split('T') as [string, string];
  return zonedToInstant(date, time, zone);
}

/** The window's instants, or a 422 at the field when it is incomplete or reversed. */
export function windowOf(intake: string, opensLocal: string | null, closesLocal: string | null, zone: string) {
  if (intake === 'continuous') return { opensLocal: null, closesLocal: null, opensAt: null, closesAt: null };
  const missing = !opensLocal ? 'opensLocal' : !closesLocal ? 'closesLocal' : null;
  if (missing) throw fieldError(missing, 'required', 'a window needs its opening and closing date-times');
  const opensAt = localToInstant(opensLocal as string, zone);
  const closesAt = localToInstant(closesLocal as string, zone);
  if (closesAt <= opensAt) throw fieldError('closesLocal', 'before_opening', 'the call must close after it opens');
  return { opensLocal, closesLocal, opensAt, closesAt };
}

export const fieldError = (field: string, code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ path: `body.${field}`, code, message }] });

/** Whether a call accepts applications at `now`: published, and inside its window if it has one. */
export function isOpen(call: CallRow, now: Date): boolean {
  if (call.status !== 'published') return false;
  if (call.intake === 'continuous') return true;
  return !!call.opensAt && !!call.closesAt && call.opensAt <= now && now < call.closesAt;
}

export async function themesOf(s: Scoped, slugs: readonly string[]) {
  if (!slugs.length) return [];
  const rows = await s.tx
    .select({ slug: territoryThemes.slug, labelFr: territoryThemes.labelFr, labelEn: territoryThemes.labelEn })
    .from(territoryThemes)
    .where(inArray(territoryThemes.slug, [...slugs]));
  return slugs.map((slug) => rows.find((r) => r.slug === slug)).filter((r) => !!r);
}

export async function laureatesOf(s: Scoped, call: CallRow) {
  if (!call.laureatesPublishedAt) return [];
  return s.tx
    .select({ organizationId: organizations.id, name: organizations.name })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.callId, call.id), eq(applications.status, 'selected'), isNotNull(applications.decidedAt)))
    .orderBy(organizations.name);
}

export async function toPublicCall(s: Scoped, call: CallRow, now: Date): Promise<TPublicCall> {
  return {
    id: call.id,
    slug: call.slug,
    titleFr: call.titleFr,
    titleEn: call.titleEn,
    descriptionFr: call.descriptionFr,
    descriptionEn: call.descriptionEn,
    status: call.status as TPublicCall['status'],
    intake: call.intake as TPublicCall['intake'],
    opensLocal: call.opensLocal,
    closesLocal: call.closesLocal,
    opensAt: call.opensAt?.toISOString() ?? null,
    closesAt: call.closesAt?.toISOString() ?? null,
    timeZone: s.territory.timeZone,
    isOpen: isOpen(call, now),
    themes: await themesOf(s, call.themes),
    eligibility: call.eligibility,
    documents: call.documents,
    form: call.form,
    laureates: await laureatesOf(s, call),
  };
}

export async function toCall(s: Scoped, call: CallRow, now: Date): Promise<TCall> {
  const { laureates: _, ...pub } = await toPublicCall(s, call, now);
  const apps = await s.tx.select({ revision: applications.revision }).from(applications).where(eq(applications.callId, call.id));
  return {
    ...pub,
    programmeId: call.programmeId,
    laureatesPublishedAt: call.laureatesPublishedAt?.toISOString() ?? null,
    formLocked: apps.some((a) => a.revision > 0),
    applicationCount: apps.length,
  };
}

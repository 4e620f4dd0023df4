/**
 * Who a booker is for a resource: the audiences they belong to, whether the resource lets any of
 * them book, the qualification a machine requires, and the price they pay.
 */
import { and, desc, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { hasRole } from '../../platform/policy/actor.ts';
import { territoryCommunes } from '../territories/index.ts';
import { audienceMessage, qualificationMessage, type TAccessRefusal } from './booking-refusals.ts';
import { priceCents } from './booking-rules.ts';
import { managesPlaces } from './places.policy.ts';
import { qualifications, type resources, userQualifications } from './places.tables.ts';
import type { TAccessAudience } from './places.values.ts';
import type { Scoped } from './scope.ts';

type ResourceRow = typeof resources.$inferSelect;

type TQualificationState = { state: 'valid' | 'missing' } | { state: 'expired'; at: Date } | { state: 'revoked'; reason: string | null };

/**
 * Where the account stands with a qualification now: valid (granted, not expired, not revoked),
 * or why not, from its latest grant (a valid grant wins over older expired or revoked ones).
 */
export async function qualificationState(s: Scoped, userId: string, qualificationId: string, now: Date): Promise<TQualificationState> {
  const grants = await s.tx
    .select()
    .from(userQualifications)
    .where(and(eq(userQualifications.userId, userId), eq(userQualifications.qualificationId, qualificationId)))
    .orderBy(desc(userQualifications.grantedAt));
  if (grants.some((g) => !g.revokedAt && (!g.expiresAt || g.expiresAt > now))) return { state: 'valid' };
  const latest = grants[0];
  if (!latest) return { state: 'missing' };
  if (latest.revokedAt) return { state: 'revoked', reason: latest.revokedReason };
  return { state: 'expired', at: latest.expiresAt ?? now };
}

async function isResident(s: Scoped, communeInsee: string | undefined): Promise<boolean> {
  if (!communeInsee) return false;
  const [c] = await s.tx
    .select({ code: territoryCommunes.inseeCode })
    .from(territoryCommunes)
    .where(and(eq(territoryCommunes.territoryId, s.territory.id), eq(territoryCommunes.inseeCode, communeInsee)))
    .limit(1);
  return !!c;
}

/**
 * The audience a booking is made as: among those the booker belongs to and the resource admits,
 * the one with the lowest price. Throws 403 saying what is missing when none is admitted
 * (`booking_not_allowed`), or when a machine's qualification is missing, expired or revoked
 * (`qualification_required`; staff excepted: they run the trainings).
 */
export async function bookingAudience(
  s: Scoped,
  resource: ResourceRow,
  booker: { communeInsee?: string | undefined },
  now: Date,
): Promise<TAccessAudience> {
  const actor = s.ctx.actor;
  const staff = managesPlaces(actor, s.territory.id);
  const userId = actor.kind === 'user' ? actor.userId : null;
  const qualificationId = resource.requiredQualificationId;
  const held = qualificationId && userId ? await qualificationState(s, userId, qualificationId, now) : { state: 'missing' as const };
  if (qualificationId && held.state !== 'valid' && !staff) await refuseQualification(s, qualificationId, held);
  const mine: TAccessAudience[] = ['public'];
  if (await isResident(s, booker.communeInsee)) mine.push('resident');
  if (hasRole(actor, s.territory.id, 'member')) mine.push('member');
  if (qualificationId && held.state === 'valid') mine.push('qualified');
  if (staff) mine.push('staff');
  const admitted = mine.filter((a) => resource.access.includes(a));
  if (!admitted.length) throw refusal('booking_not_allowed', 'audience_required', audienceMessage(resource.access, s.ctx.locale));
  const price = (a: TAccessAudience) => resource.prices[a] ?? 0;
  return admitted.reduce((best, a) => (price(a) < price(best) ? a : best));
}

/** The price of a booking for its audience, in integer cents (the resource's hourly rate). */
export function bookingPrice(resource: ResourceRow, audience: TAccessAudience, start: Date, end: Date): number {
  const hourly = resource.prices[audience] ?? 0;
  return hourly ? priceCents({ start, end, hourlyRateCents: hourly }) : 0;
}

/** A 403 whose detail says, in the request's language, what is missing; its stable code is in `errors`. */
function refusal(code: 'booking_not_allowed' | 'qualification_required', reason: TAccessRefusal, message: string): AppError {
  return new AppError(code, message, { errors: [{ path: 'body.resourceId', code: reason, message }] });
}

async function refuseQualification(s: Scoped, qualificationId: string, held: TQualificationState): Promise<never> {
  const [q] = await s.tx.select({ name: qualifications.name }).from(qualifications).where(eq(qualifications.id, qualificationId));
  const name = q?.name ?? '';
  const zone = s.territory.timeZone;
  const locale = s.ctx.locale;
  if (held.state === 'expired')
    throw refusal('qualification_required', 'qualification_expired', qualificationMessage('expired', name, locale, { at: held.at, zone }));
  if (held.state === 'revoked')
    throw refusal(
      'qualification_required',
      'qualification_revoked',
      qualificationMessage('revoked', name, locale, { reason: held.reason }),
    );
  throw refusal('qualification_required', 'qualification_missing', qualificationMessage('missing', name, locale));
}

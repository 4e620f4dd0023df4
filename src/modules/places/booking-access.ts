/**
 * Who a booker is for a resource: the audiences they belong to, whether the resource lets any of
 * them book, the qualification a machine requires, and the price they pay.
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error.ts';
import { hasRole } from '../../platform/policy/actor.ts';
import { territoryCommunes } from '../territories/index.ts';
import { priceCents } from './booking-rules.ts';
import { managesPlaces } from './places.policy.ts';
import { type resources, userQualifications } from './places.tables.ts';
import type { TAccessAudience } from './places.values.ts';
import type { Scoped } from './scope.ts';

type ResourceRow = typeof resources.$inferSelect;

/** Whether the account holds the qualification now: granted, not expired, not revoked. */
export async function holdsQualification(s: Scoped, userId: string, qualificationId: string, now: Date): Promise<boolean> {
  const [held] = await s.tx
    .select({ id: userQualifications.id })
    .from(userQualifications)
    .where(
      and(
        eq(userQualifications.userId, userId),
        eq(userQualifications.qualificationId, qualificationId),
        isNull(userQualifications.revokedAt),
        or(isNull(userQualifications.expiresAt), gt(userQualifications.expiresAt, now)),
      ),
    )
    .limit(1);
  return !!held;
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
 * the one with the lowest price. Throws 403 when none is admitted, or when a machine's
 * qualification is missing (staff excepted: they run the trainings).
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
  const qualified =
    !!resource.requiredQualificationId && !!userId && (await holdsQualification(s, userId, resource.requiredQualificationId, now));
  if (resource.requiredQualificationId && !qualified && !staff) {
    throw new AppError('qualification_required', 'this machine requires a qualification the booker does not hold');
  }
  const mine: TAccessAudience[] = ['public'];
  if (await isResident(s, booker.communeInsee)) mine.push('resident');
  if (hasRole(actor, s.territory.id, 'member')) mine.push('member');
  if (qualified) mine.push('qualified');
  if (staff) mine.push('staff');
  const admitted = mine.filter((a) => resource.access.includes(a));
  if (!admitted.length) throw new AppError('booking_not_allowed', `the resource admits ${resource.access.join(', ')}`);
  const price = (a: TAccessAudience) => resource.prices[a] ?? 0;
  return admitted.reduce((best, a) => (price(a) < price(best) ? a : best));
}

/** The price of a booking for its audience, in integer cents (the resource's hourly rate). */
export function bookingPrice(resource: ResourceRow, audience: TAccessAudience, start: Date, end: Date): number {
  const hourly = resource.prices[audience] ?? 0;
  return hourly ? priceCents({ start, end, hourlyRateCents: hourly }) : 0;
}

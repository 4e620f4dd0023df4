import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorId } from '../../platform/policy/actor.ts';
import { memberships, users } from '../identity/index.ts';
import type { TCreateReminderRequest, TReminder, TReminderQuery, TUpdateReminderRequest } from './crm.contract.ts';
import { organizations, people, reminders } from './directory.tables.ts';
import { personName } from './interactions.service.ts';
import { requireOrganization } from './organization-dto.ts';
import { requirePerson } from './people.service.ts';
import { inTerritory, record, type Scoped } from './scope.ts';

/** Today's date (YYYY-MM-DD) in a time zone: a reminder due yesterday in Paris is overdue, whatever the server's zone. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const assignee = alias(users, 'assignee');
const columns = {
  r: reminders,
  organization: { id: organizations.id, name: organizations.name },
  person: { id: people.id, firstName: people.firstName, lastName: people.lastName },
  assignee: { id: assignee.id, displayName: assignee.displayName },
};

async function select(s: Scoped, where: SQL | undefined, query?: TReminderQuery) {
  const base = s.tx
    .select(columns)
    .from(reminders)
    .innerJoin(assignee, eq(assignee.id, reminders.assigneeId))
    .leftJoin(organizations, eq(organizations.id, reminders.organizationId))
    .leftJoin(people, eq(people.id, reminders.personId))
    .where(where);
  if (!query) return base.limit(1);
  const order = query.status === 'open' ? [asc(reminders.dueOn)] : [desc(reminders.doneAt), desc(reminders.dueOn)];
  return base
    .orderBy(...order, asc(reminders.createdAt), asc(reminders.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}
type Selected = Awaited<ReturnType<typeof select>>[number];

function toReminder(row: Selected, today: string): TReminder {
  const { r } = row;
  return {
    id: r.id,
    dueOn: r.dueOn,
    note: r.note,
    done: r.done,
    overdue: !r.done && r.dueOn < today,
    organization: row.organization,
    person: row.person ? { id: row.person.id, name: personName(row.person) } : null,
    assignee: row.assignee,
  };
}

async function load(s: Scoped, id: string, today: string): Promise<TReminder> {
  const [row] = await select(s, and(eq(reminders.id, id), eq(reminders.territoryId, s.territory.id)));
  if (!row) throw new AppError('reminder_not_found', `no reminder ${id}`);
  return toReminder(row, today);
}

/** The assignee must hold a role in the territory (422 otherwise). */
async function checkAssignee(s: Scoped, userId: string | null, given: boolean): Promise<string> {
  const [m] = userId
    ? await s.tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.territoryId, s.territory.id), eq(memberships.userId, userId)))
        .limit(1)
    : [];
  if (m && userId) return userId;
  const message = given ? 'the assignee must hold a role in this territory' : 'name an assignee who holds a role in this territory';
  throw new AppError('validation_failed', message, { errors: [{ path: 'body.assigneeId', code: 'not_member', message }] });
}

/** Follow-up reminders of the staff: due dates in the territory's time zone, an assignee, a done flag. */
export function createRemindersService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    /** Open reminders by due date (soonest first), or done ones (latest done first); the actor's own or everyone's. */
    list(ctx: Ctx, slug: string, query: TReminderQuery) {
      return inTerritory(database, ctx, slug, 'directory.read', async (s) => {
        const me = actorId(ctx.actor);
        const where = and(
          eq(reminders.territoryId, s.territory.id),
          eq(reminders.done, query.status === 'done'),
          query.assignee === 'me' ? (me ? eq(reminders.assigneeId, me) : sql`false`) : undefined,
        );
        const rows = await select(s, where, query);
        const [total] = await s.tx.select({ n: count() }).from(reminders).where(where);
        const today = todayIn(s.territory.timeZone, clock.now());
        return { items: rows.map((r) => toReminder(r, today)), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
      });
    },

    create(ctx: Ctx, slug: string, input: TCreateReminderRequest): Promise<TReminder> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        if (input.organizationId) await requireOrganization(s.tx, s.territory.id, input.organizationId);
        if (input.personId) await requirePerson(s.tx, s.territory.id, input.personId);
        const assigneeId = await checkAssignee(s, input.assigneeId ?? actorId(ctx.actor), input.assigneeId !== undefined);
        const [row] = await s.tx
          .insert(reminders)
          .values({
            territoryId: s.territory.id,
            dueOn: input.dueOn,
            note: input.note,
            organizationId: input.organizationId ?? null,
            personId: input.personId ?? null,
            assigneeId,
            authorId: actorId(ctx.actor),
          })
          .returning();
        if (!row) throw new AppError('internal');
        const after = await load(s, row.id, todayIn(s.territory.timeZone, clock.now()));
        await record(s, 'create', 'reminder', row.id, { after });
        return after;
      });
    },

    update(ctx: Ctx, slug: string, id: string, input: TUpdateReminderRequest): Promise<TReminder> {
      return inTerritory(database, ctx, slug, 'directory.write', async (s) => {
        const now = clock.now();
        const today = todayIn(s.territory.timeZone, now);
        const before = await load(s, id, today);
        const doneChange =
          input.done !== undefined && input.done !== before.done ? { done: input.done, doneAt: input.done ? now : null } : {};
        await s.tx
          .update(reminders)
          .set({
            ...doneChange,
            ...(input.dueOn ? { dueOn: input.dueOn } : {}),
            ...(input.note ? { note: input.note } : {}),
            updatedAt: now,
          })
          .where(eq(reminders.id, id));
        const after = await load(s, id, today);
        await record(s, 'update', 'reminder', id, { before, after });
        return after;
      });
    },
  };
}
export type RemindersService = ReturnType<typeof createRemindersService>;

import { z } from 'zod';
import { text, ZIsoDate } from './directory.contract.ts';
import { interactionKinds } from './directory.tables.ts';

const ZTerritorySlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZInteractionKind = z.enum(interactionKinds);
const summary = text(300).pipe(z.string().min(1));
const ZPersonIds = z.array(z.uuid()).max(50);

export const ZCreateInteractionRequest = z.strictObject({
  kind: ZInteractionKind,
  occurredAt: z.iso.datetime({ offset: true }),
  summary,
  body: text(20_000).nullable().optional(),
  /** People of the territory involved. */
  personIds: ZPersonIds.optional(),
});
export type TCreateInteractionRequest = z.infer<typeof ZCreateInteractionRequest>;
export const ZUpdateInteractionRequest = z.strictObject({
  kind: ZInteractionKind.optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  summary: summary.optional(),
  body: text(20_000).nullable().optional(),
  personIds: ZPersonIds.optional(),
});
export type TUpdateInteractionRequest = z.infer<typeof ZUpdateInteractionRequest>;

const ZNamed = z.object({ id: z.uuid(), name: z.string() });
const ZUserRef = z.object({ id: z.uuid(), displayName: z.string() });

export const ZInteraction = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    kind: ZInteractionKind,
    occurredAt: z.iso.datetime(),
    summary: z.string(),
    body: z.string().nullable(),
    people: z.array(ZNamed),
    /** Null once the author's account is deleted. */
    author: ZUserRef.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Interaction' });
export type TInteraction = z.infer<typeof ZInteraction>;
export const ZInteractionPage = pageOf(ZInteraction);
export const ZInteractionQuery = z.strictObject(pageFields);
export const ZInteractionParams = z.strictObject({ slug: ZTerritorySlug, interactionId: z.uuid() });

export const ZCreateReminderRequest = z.strictObject({
  dueOn: ZIsoDate,
  note: text(1000).pipe(z.string().min(1)),
  organizationId: z.uuid().optional(),
  personId: z.uuid().optional(),
  /** A user holding a role in the territory; the author by default. */
  assigneeId: z.uuid().optional(),
});
export type TCreateReminderRequest = z.infer<typeof ZCreateReminderRequest>;
export const ZUpdateReminderRequest = z.strictObject({
  done: z.boolean().optional(),
  dueOn: ZIsoDate.optional(),
  note: text(1000).pipe(z.string().min(1)).optional(),
});
export type TUpdateReminderRequest = z.infer<typeof ZUpdateReminderRequest>;

export const ZReminder = z
  .object({
    id: z.uuid(),
    dueOn: z.string(),
    note: z.string(),
    done: z.boolean(),
    /** Not done and due before today in the territory's time zone. */
    overdue: z.boolean(),
    organization: ZNamed.nullable(),
    person: ZNamed.nullable(),
    assignee: ZUserRef,
  })
  .meta({ id: 'Reminder' });
export type TReminder = z.infer<typeof ZReminder>;
export const ZReminderPage = pageOf(ZReminder);
export const ZReminderQuery = z.strictObject({
  status: z.enum(['open', 'done']).default('open'),
  assignee: z.enum(['me', 'all']).default('me'),
  ...pageFields,
});
export type TReminderQuery = z.infer<typeof ZReminderQuery>;
export const ZReminderParams = z.strictObject({ slug: ZTerritorySlug, reminderId: z.uuid() });

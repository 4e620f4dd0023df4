import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZCreateInteractionRequest,
  ZCreateReminderRequest,
  ZInteraction,
  ZInteractionPage,
  ZInteractionParams,
  ZInteractionQuery,
  ZReminder,
  ZReminderPage,
  ZReminderParams,
  ZReminderQuery,
  ZUpdateInteractionRequest,
  ZUpdateReminderRequest,
} from './crm.contract.ts';
import { ZDirectoryParams, ZOrganizationParams } from './directory.contract.ts';
import type { InteractionsService } from './interactions.service.ts';
import type { RemindersService } from './reminders.service.ts';

const tags = ['directory'];
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const base = '/api/v1/territories/:slug/directory';

function interactionRoutes(interactions: InteractionsService) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/organizations/:organizationId/interactions`,
      summary: "An organisation's CRM timeline (notes, meetings, calls, e-mails, events), newest first",
      tags,
      access: staff,
      schema: { params: ZOrganizationParams, querystring: ZInteractionQuery, response: { 200: ZInteractionPage } },
      handler: async (req) => interactions.list(ctxOf(req), req.params.slug, req.params.organizationId, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/organizations/:organizationId/interactions`,
      summary: 'Record an interaction with an organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZOrganizationParams, body: ZCreateInteractionRequest, response: { 201: ZInteraction } },
      handler: async (req, reply) => {
        reply.code(201);
        return interactions.create(ctxOf(req), req.params.slug, req.params.organizationId, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/interactions/:interactionId`,
      summary: 'Edit an interaction (its author or an administrator)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZInteractionParams, body: ZUpdateInteractionRequest, response: { 200: ZInteraction } },
      handler: async (req) => interactions.update(ctxOf(req), req.params.slug, req.params.interactionId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/interactions/:interactionId`,
      summary: 'Delete an interaction (its author or an administrator)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZInteractionParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await interactions.remove(ctxOf(req), req.params.slug, req.params.interactionId);
        return reply.code(204).send();
      },
    }),
  ];
}

function reminderRoutes(reminders: RemindersService) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/reminders`,
      summary: 'Follow-up reminders: open ones by due date (with overdue ones flagged), or done ones; mine or everyone’s',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, querystring: ZReminderQuery, response: { 200: ZReminderPage } },
      handler: async (req) => reminders.list(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/reminders`,
      summary: 'Add a follow-up reminder about an organisation and/or a person',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZCreateReminderRequest, response: { 201: ZReminder } },
      handler: async (req, reply) => {
        reply.code(201);
        return reminders.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/reminders/:reminderId`,
      summary: 'Mark a reminder done, or change its due date or note',
      tags,
      access: staff,
      write: true,
      schema: { params: ZReminderParams, body: ZUpdateReminderRequest, response: { 200: ZReminder } },
      handler: async (req) => reminders.update(ctxOf(req), req.params.slug, req.params.reminderId, req.body),
    }),
  ];
}

/** The staff's CRM: interactions on organisations, and follow-up reminders. */
export function crmRoutes({ interactions, reminders }: { interactions: InteractionsService; reminders: RemindersService }) {
  return [...interactionRoutes(interactions), ...reminderRoutes(reminders)];
}

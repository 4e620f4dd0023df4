import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZCreateMilestoneRequest,
  ZEnrolmentDetail,
  ZLogSessionRequest,
  ZMilestone,
  ZUpdateMilestoneRequest,
} from './mentoring.contract.ts';
import { ZAddSupporterRequest, ZEnrolmentParams, ZMilestoneParams, ZSupporterParams } from './programmes.contract.ts';
import { base, type ProgrammesServices, staff } from './programmes.routes.ts';

const tags = ['programmes'];

/** Routes of one enrolment: its page, mentors and experts, sessions and milestones. */
export function mentoringRoutes({ mentoring }: ProgrammesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/enrolments/:enrolmentId`,
      summary: 'An enrolment with its mentors and experts, sessions, milestones (late ones computed) and monthly figures',
      tags,
      access: staff,
      schema: { params: ZEnrolmentParams, response: { 200: ZEnrolmentDetail } },
      handler: async (req) => mentoring.detail(ctxOf(req), req.params.slug, req.params.enrolmentId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/enrolments/:enrolmentId/supporters`,
      summary: 'Assign a mentor or an expert (an account of the territory or a person of the directory)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZEnrolmentParams, body: ZAddSupporterRequest, response: { 201: ZEnrolmentDetail } },
      handler: async (req, reply) => {
        reply.code(201);
        return mentoring.addSupporter(ctxOf(req), req.params.slug, req.params.enrolmentId, req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/supporters/:supporterId`,
      summary: 'Remove a mentor or an expert from an enrolment (their past sessions stay logged)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZSupporterParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await mentoring.removeSupporter(ctxOf(req), req.params.slug, req.params.supporterId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/enrolments/:enrolmentId/sessions`,
      summary: 'Log a mentoring session (local date, minutes, topic, notes, who held it)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZEnrolmentParams, body: ZLogSessionRequest, response: { 201: ZEnrolmentDetail } },
      handler: async (req, reply) => {
        reply.code(201);
        return mentoring.logSession(ctxOf(req), req.params.slug, req.params.enrolmentId, req.body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/enrolments/:enrolmentId/milestones`,
      summary: 'Add a milestone with its local due date',
      tags,
      access: staff,
      write: true,
      schema: { params: ZEnrolmentParams, body: ZCreateMilestoneRequest, response: { 201: ZMilestone } },
      handler: async (req, reply) => {
        reply.code(201);
        return mentoring.addMilestone(ctxOf(req), req.params.slug, req.params.enrolmentId, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/milestones/:milestoneId`,
      summary: 'Edit a milestone, mark it done (with its date) or dropped',
      tags,
      access: staff,
      write: true,
      schema: { params: ZMilestoneParams, body: ZUpdateMilestoneRequest, response: { 200: ZMilestone } },
      handler: async (req) => mentoring.updateMilestone(ctxOf(req), req.params.slug, req.params.milestoneId, req.body),
    }),
  ];
}

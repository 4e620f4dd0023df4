import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZPlacesParams } from './places.contract.ts';
import type { PlacesServices } from './places.routes.ts';
import {
  ZAttendanceRequest,
  ZCreateQualificationRequest,
  ZCreateTrainingRequest,
  ZEnrolment,
  ZHolder,
  ZHolderPage,
  ZHoldersQuery,
  ZMyQualifications,
  ZQualification,
  ZQualificationList,
  ZQualificationParams,
  ZRevokeRequest,
  ZRoster,
  ZRosterEntry,
  ZTraining,
  ZTrainingListQuery,
  ZTrainingPage,
  ZTrainingParams,
  ZUpdateQualificationRequest,
  ZUserQualificationParams,
} from './trainings.contract.ts';

const tags = ['trainings'];
const managers = { kind: 'territory', roles: ['admin', 'staff', 'place_manager'] } as const;
const base = '/api/v1/territories/:slug';

function qualificationRoutes({ qualifications }: PlacesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/qualifications`,
      summary: "The territory's qualifications (habilitations) and how long they stay valid",
      tags,
      access: { kind: 'public' },
      schema: { params: ZPlacesParams, response: { 200: ZQualificationList } },
      handler: async (req) => qualifications.list(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/qualifications`,
      summary: 'Create a qualification, valid for a number of months after the training (or for good)',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlacesParams, body: ZCreateQualificationRequest, response: { 201: ZQualification } },
      handler: async (req, reply) => {
        reply.code(201);
        return qualifications.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/qualifications/:qualificationId`,
      summary: 'Rename a qualification or change its validity (qualifications already granted keep theirs)',
      tags,
      access: managers,
      write: true,
      schema: { params: ZQualificationParams, body: ZUpdateQualificationRequest, response: { 200: ZQualification } },
      handler: async (req) => qualifications.update(ctxOf(req), req.params.slug, req.params.qualificationId, req.body),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/qualifications/:qualificationId/holders`,
      summary: 'Who holds or held a qualification, with its expiry, revocation and validity now',
      tags,
      access: managers,
      schema: { params: ZQualificationParams, querystring: ZHoldersQuery, response: { 200: ZHolderPage } },
      handler: async (req) => qualifications.holders(ctxOf(req), req.params.slug, req.params.qualificationId, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/user-qualifications/:userQualificationId/revoke`,
      summary: "Revoke a person's qualification, with a reason: the machines requiring it refuse them at once",
      tags,
      access: managers,
      write: true,
      schema: { params: ZUserQualificationParams, body: ZRevokeRequest, response: { 200: ZHolder } },
      handler: async (req) => qualifications.revoke(ctxOf(req), req.params.slug, req.params.userQualificationId, req.body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/my/qualifications`,
      summary: 'Your qualifications in the territory, and whether each is valid now',
      tags,
      access: { kind: 'signed_in' },
      schema: { params: ZPlacesParams, response: { 200: ZMyQualifications } },
      handler: async (req) => qualifications.mine(ctxOf(req), req.params.slug),
    }),
  ];
}

function sessionRoutes({ trainings }: PlacesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/trainings`,
      summary: 'Training sessions, upcoming (default) or past, with their seats left',
      tags,
      access: { kind: 'public' },
      schema: { params: ZPlacesParams, querystring: ZTrainingListQuery, response: { 200: ZTrainingPage } },
      handler: async (req) => trainings.list(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/trainings`,
      summary: 'Plan a training session: the qualification it grants, its place, times and seats',
      tags,
      access: managers,
      write: true,
      schema: { params: ZPlacesParams, body: ZCreateTrainingRequest, response: { 201: ZTraining } },
      handler: async (req, reply) => {
        reply.code(201);
        return trainings.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/trainings/:trainingId/roster`,
      summary: 'The people enrolled in a session, their attendance and the qualification earned',
      tags,
      access: managers,
      schema: { params: ZTrainingParams, response: { 200: ZRoster } },
      handler: async (req) => trainings.roster(ctxOf(req), req.params.slug, req.params.trainingId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/trainings/:trainingId/enrolments`,
      summary: 'Enrol in a session before it starts; 409 when it is full or you are already enrolled',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZTrainingParams, response: { 201: ZEnrolment } },
      handler: async (req, reply) => {
        reply.code(201);
        return trainings.enrol(ctxOf(req), req.params.slug, req.params.trainingId);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/trainings/:trainingId/enrolments/me`,
      summary: 'Give your seat back, before the session starts',
      tags,
      access: { kind: 'signed_in' },
      write: true,
      schema: { params: ZTrainingParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await trainings.cancelEnrolment(ctxOf(req), req.params.slug, req.params.trainingId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/trainings/:trainingId/attendance`,
      summary: 'Mark whether an enrolled person attended: attending grants the qualification, once',
      tags,
      access: managers,
      write: true,
      schema: { params: ZTrainingParams, body: ZAttendanceRequest, response: { 200: ZRosterEntry } },
      handler: async (req) => trainings.attendance(ctxOf(req), req.params.slug, req.params.trainingId, req.body),
    }),
  ];
}

/** Qualifications and training sessions: managers plan and mark attendance, people enrol themselves. */
export function trainingRoutes(services: PlacesServices) {
  return [...qualificationRoutes(services), ...sessionRoutes(services)];
}

import type { Deps } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { applicationRoutes } from './applications.routes.ts';
import { type ApplicationsService, createApplicationsService } from './applications.service.ts';
import { type AssignmentService, createAssignmentService } from './assignment.service.ts';
import {
  ZCall,
  ZCallList,
  ZCallListQuery,
  ZCallParams,
  ZCallStatusRequest,
  ZCallsParams,
  ZCreateCallRequest,
  ZPublicCall,
  ZUpdateCallRequest,
} from './calls.contract.ts';
import { type CallsService, createCallsService } from './calls.service.ts';
import { createDecisionsService, type DecisionsService } from './decisions.service.ts';
import { fileRoutes } from './files.routes.ts';
import { createFilesService, type FilesService } from './files.service.ts';
import { reviewRoutes } from './review.routes.ts';
import { createReviewService, type ReviewService } from './review.service.ts';
import { stageRoutes } from './stages.routes.ts';
import { createStagesService, type StagesService } from './stages.service.ts';

const tags = ['calls'];
export const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
export const base = '/api/v1/territories/:slug';

export type CallsServices = {
  calls: CallsService;
  applications: ApplicationsService;
  files: FilesService;
  stages: StagesService;
  assignment: AssignmentService;
  review: ReviewService;
  decisions: DecisionsService;
};

/** The calls module's services, built from the app's dependencies. */
export function createCallsServices(deps: Deps): CallsServices {
  return {
    calls: createCallsService(deps),
    applications: createApplicationsService(deps),
    files: createFilesService(deps),
    stages: createStagesService(deps),
    assignment: createAssignmentService(deps),
    review: createReviewService(deps),
    decisions: createDecisionsService(deps),
  };
}

function callRoutes({ calls }: CallsServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/calls`,
      summary: 'Published calls for projects (every call for staff)',
      tags,
      access: { kind: 'public' },
      schema: { params: ZCallsParams, querystring: ZCallListQuery, response: { 200: ZCallList } },
      handler: async (req) => calls.list(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/calls/:call`,
      summary: "A call's public page by slug or id: public fields, form, and laureates once published",
      tags,
      access: { kind: 'public' },
      schema: { params: ZCallParams, response: { 200: ZPublicCall } },
      handler: async (req) => calls.get(ctxOf(req), req.params.slug, req.params.call),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/calls/:call/manage`,
      summary: 'A call with its management data (programme, form lock, number of applications)',
      tags,
      access: staff,
      schema: { params: ZCallParams, response: { 200: ZCall } },
      handler: async (req) => calls.getForStaff(ctxOf(req), req.params.slug, req.params.call),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/calls`,
      summary: 'Create a call (as a draft, with the default review stages)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZCallsParams, body: ZCreateCallRequest, response: { 201: ZCall } },
      handler: async (req, reply) => {
        reply.code(201);
        return calls.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/calls/:call`,
      summary: 'Edit a call; its form is frozen once an application has been submitted',
      tags,
      access: staff,
      write: true,
      schema: { params: ZCallParams, body: ZUpdateCallRequest, response: { 200: ZCall } },
      handler: async (req) => calls.update(ctxOf(req), req.params.slug, req.params.call, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/calls/:call/status`,
      summary: "Move a call's status: draft → published → closed → archived (a closed call may reopen)",
      tags,
      access: staff,
      write: true,
      schema: { params: ZCallParams, body: ZCallStatusRequest, response: { 200: ZCall } },
      handler: async (req) => calls.setStatus(ctxOf(req), req.params.slug, req.params.call, req.body.status),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/calls/:call/laureates/publish`,
      summary: "Show the selected applications as laureates on the call's public page",
      tags,
      access: staff,
      write: true,
      schema: { params: ZCallParams, response: { 200: ZPublicCall } },
      handler: async (req) => calls.publishLaureates(ctxOf(req), req.params.slug, req.params.call),
    }),
  ];
}

/** Every route of the calls module. */
export function callsRoutes(services: CallsServices) {
  return [
    ...callRoutes(services),
    ...applicationRoutes(services),
    ...fileRoutes(services.files),
    ...stageRoutes(services.stages),
    ...reviewRoutes(services),
  ];
}

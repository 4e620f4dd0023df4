import type { Deps } from '../../platform/context.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createEnrolmentsService, type EnrolmentsService } from './enrolments.service.ts';
import { kpiRoutes } from './kpi.routes.ts';
import { createKpiService, type KpiService } from './kpi.service.ts';
import { mentoringRoutes } from './mentoring.routes.ts';
import { createMentoringService, type MentoringService } from './mentoring.service.ts';
import {
  ZAdmission,
  ZCohortParams,
  ZCreateCohortRequest,
  ZCreateProgrammeRequest,
  ZEnrolment,
  ZEnrolmentListQuery,
  ZEnrolmentPage,
  ZEnrolmentParams,
  ZEnrolRequest,
  ZExitRequest,
  ZProgramme,
  ZProgrammeList,
  ZProgrammeParams,
  ZProgrammesParams,
  ZPublicProgramme,
  ZPublicProgrammeParams,
  ZUpdateCohortRequest,
  ZUpdateProgrammeRequest,
} from './programmes.contract.ts';
import { createProgrammesService, type ProgrammesService } from './programmes.service.ts';
import { reportRoutes } from './reports.routes.ts';
import { createReportsService, type ReportsService } from './reports.service.ts';

const tags = ['programmes'];
export const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
export const base = '/api/v1/territories/:slug';

export type ProgrammesServices = {
  programmes: ProgrammesService;
  enrolments: EnrolmentsService;
  mentoring: MentoringService;
  kpi: KpiService;
  reports: ReportsService;
};

/** The programmes module's services, built from the app's dependencies. */
export function createProgrammesServices(deps: Deps): ProgrammesServices {
  return {
    programmes: createProgrammesService(deps),
    enrolments: createEnrolmentsService(deps),
    mentoring: createMentoringService(deps),
    kpi: createKpiService(deps),
    reports: createReportsService(deps),
  };
}

function programmeRoutes({ programmes }: ProgrammesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/programmes`,
      summary: 'Programmes: every one for the staff, published ones for everyone else',
      tags,
      access: { kind: 'public' },
      schema: { params: ZProgrammesParams, response: { 200: ZProgrammeList } },
      handler: async (req) => programmes.list(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/public/programmes/:programmeSlug`,
      summary: "A published programme's public page, with its alumni that are public in the directory",
      tags,
      access: { kind: 'public' },
      schema: { params: ZPublicProgrammeParams, response: { 200: ZPublicProgramme } },
      handler: async (req) => programmes.publicPage(ctxOf(req), req.params.slug, req.params.programmeSlug),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/programmes`,
      summary: 'Create a programme (kind, entry by cohorts or continuous, default duration, cap, themes)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZProgrammesParams, body: ZCreateProgrammeRequest, response: { 201: ZProgramme } },
      handler: async (req, reply) => {
        reply.code(201);
        return programmes.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId`,
      summary: 'A programme with its cohorts and its counts of active, waitlisted and alumni companies',
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, response: { 200: ZProgramme } },
      handler: async (req) => programmes.get(ctxOf(req), req.params.slug, req.params.programmeId),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/programmes/:programmeId`,
      summary: 'Edit a programme (a cap may not go below the companies already active)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZProgrammeParams, body: ZUpdateProgrammeRequest, response: { 200: ZProgramme } },
      handler: async (req) => programmes.update(ctxOf(req), req.params.slug, req.params.programmeId, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/programmes/:programmeId/cohorts`,
      summary: 'Add a cohort (local start and end dates, optional cap of its own)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZProgrammeParams, body: ZCreateCohortRequest, response: { 201: ZProgramme } },
      handler: async (req, reply) => {
        reply.code(201);
        return programmes.addCohort(ctxOf(req), req.params.slug, req.params.programmeId, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/cohorts/:cohortId`,
      summary: 'Edit a cohort',
      tags,
      access: staff,
      write: true,
      schema: { params: ZCohortParams, body: ZUpdateCohortRequest, response: { 200: ZProgramme } },
      handler: async (req) => programmes.updateCohort(ctxOf(req), req.params.slug, req.params.cohortId, req.body),
    }),
  ];
}

function enrolmentRoutes({ enrolments }: ProgrammesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId/enrolments`,
      summary: "A programme's enrolments by status (the waitlist in order)",
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, querystring: ZEnrolmentListQuery, response: { 200: ZEnrolmentPage } },
      handler: async (req) => enrolments.list(ctxOf(req), req.params.slug, req.params.programmeId, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/programmes/:programmeId/enrolments`,
      summary: 'Enrol an organisation directly: admitted while the cap allows, otherwise waitlisted',
      tags,
      access: staff,
      write: true,
      schema: { params: ZProgrammeParams, body: ZEnrolRequest, response: { 201: ZAdmission } },
      handler: async (req, reply) => {
        reply.code(201);
        return enrolments.enrol(ctxOf(req), req.params.slug, req.params.programmeId, req.body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/programmes/:programmeId/waitlist/promote`,
      summary: 'Promote the first waitlisted organisation that a free seat fits',
      tags,
      access: staff,
      write: true,
      schema: { params: ZProgrammeParams, response: { 200: ZEnrolment } },
      handler: async (req) => enrolments.promote(ctxOf(req), req.params.slug, req.params.programmeId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/enrolments/:enrolmentId/exit`,
      summary: 'End an enrolment with a reason and a date: an active company becomes an alumnus',
      tags,
      access: staff,
      write: true,
      schema: { params: ZEnrolmentParams, body: ZExitRequest, response: { 200: ZEnrolment } },
      handler: async (req) => enrolments.exit(ctxOf(req), req.params.slug, req.params.enrolmentId, req.body),
    }),
  ];
}

/** Every route of the programmes module. */
export function programmesRoutes(services: ProgrammesServices) {
  return [
    ...programmeRoutes(services),
    ...enrolmentRoutes(services),
    ...mentoringRoutes(services),
    ...kpiRoutes(services),
    ...reportRoutes(services),
  ];
}

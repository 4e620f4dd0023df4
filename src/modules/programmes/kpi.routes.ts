import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZEnrolmentKpiParams, ZKpiForm, ZKpiParams, ZKpiStatusPage, ZKpiStatusQuery, ZSubmitKpiRequest } from './kpi.contract.ts';
import { ZProgrammeParams } from './programmes.contract.ts';
import { base, type ProgrammesServices, staff } from './programmes.routes.ts';

const tags = ['programmes'];

/** The company's monthly figures by e-mailed link, and the staff's view of who answered. */
export function kpiRoutes({ kpi }: ProgrammesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/kpi/:token`,
      summary: 'The monthly figures form reached from the e-mailed link (the link is the credential)',
      tags,
      access: { kind: 'public' },
      schema: { params: ZKpiParams, response: { 200: ZKpiForm } },
      handler: async (req) => kpi.form(ctxOf(req), req.params.slug, req.params.token),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/kpi/:token`,
      summary: "Submit the month's figures once (headcount, funds raised to date in cents, revenue band, key facts)",
      tags,
      access: { kind: 'public' },
      write: true,
      schema: { params: ZKpiParams, body: ZSubmitKpiRequest, response: { 200: ZKpiForm } },
      handler: async (req) => kpi.submit(ctxOf(req), req.params.slug, req.params.token, req.body),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/enrolments/:enrolmentId/kpi/:month`,
      summary: 'Record the figures a company gave another way, for a month already asked (once)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZEnrolmentKpiParams, body: ZSubmitKpiRequest, response: { 200: ZKpiForm } },
      handler: async (req) => kpi.recordForCompany(ctxOf(req), req.params.slug, req.params.enrolmentId, req.params.month, req.body),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId/kpi`,
      summary: "A month's KPI requests of a programme: answered, reminded, not answered",
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, querystring: ZKpiStatusQuery, response: { 200: ZKpiStatusPage } },
      handler: async (req) => kpi.status(ctxOf(req), req.params.slug, req.params.programmeId, req.query),
    }),
  ];
}

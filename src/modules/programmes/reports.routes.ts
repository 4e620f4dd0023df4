import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZProgrammeParams } from './programmes.contract.ts';
import { base, type ProgrammesServices, staff } from './programmes.routes.ts';
import { ZReport, ZReportQuery } from './reports.contract.ts';

const tags = ['programmes'];

/** Reports for funders and the label, as JSON for the page, CSV for French Excel, and PDF. */
export function reportRoutes({ reports }: ProgrammesServices) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId/report`,
      summary: 'Companies accompanied, jobs and funds at entry and now, milestones, mentoring, for a programme or cohort',
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, querystring: ZReportQuery, response: { 200: ZReport } },
      handler: async (req) => reports.report(ctxOf(req), req.params.slug, req.params.programmeId, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId/report.csv`,
      summary: 'The report as CSV for French Excel',
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, querystring: ZReportQuery, response: { 200: z.string() } },
      handler: async (req, reply) => {
        const file = await reports.csv(ctxOf(req), req.params.slug, req.params.programmeId, req.query);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/programmes/:programmeId/report.pdf`,
      summary: 'The report as a PDF document',
      tags,
      access: staff,
      schema: { params: ZProgrammeParams, querystring: ZReportQuery, response: { 200: z.any() } },
      handler: async (req, reply) => {
        const file = await reports.pdf(ctxOf(req), req.params.slug, req.params.programmeId, req.query);
        return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
      },
    }),
  ];
}

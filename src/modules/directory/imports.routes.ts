import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZDirectoryParams } from './directory.contract.ts';
import type { ExportService } from './export.service.ts';
import { ZExportQuery, ZImportReport, ZImportRequest, ZPeopleImportReport } from './import.contract.ts';
import type { ImportService } from './import.service.ts';
import type { PeopleImportService } from './people-import.service.ts';

const tags = ['directory'];
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const base = '/api/v1/territories/:slug/directory';

export function importRoutes({
  imports,
  peopleImports,
  exports,
}: {
  imports: ImportService;
  peopleImports: PeopleImportService;
  exports: ExportService;
}) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/imports/people/preview`,
      summary: 'Preview a CSV import of people: matches by e-mail or external id, affiliations by SIRET (writes nothing)',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, body: ZImportRequest, response: { 200: ZPeopleImportReport } },
      handler: async (req) => peopleImports.preview(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/imports/people`,
      summary: 'Import people (and their affiliations) from CSV in one transaction (a file with any bad row is refused whole)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZImportRequest, response: { 200: ZPeopleImportReport } },
      handler: async (req) => peopleImports.commit(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/imports/organizations/preview`,
      summary: 'Preview a CSV import of organisations: what each row would do, and why (writes nothing)',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, body: ZImportRequest, response: { 200: ZImportReport } },
      handler: async (req) => imports.preview(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/imports/organizations`,
      summary: 'Import organisations from CSV in one transaction (a file with any bad row is refused whole)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZImportRequest, response: { 200: ZImportReport } },
      handler: async (req) => imports.commit(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/exports/organizations.csv`,
      summary: 'Export organisations as CSV: French Excel (BOM, ";", decimal comma) or open data (",", ISO dates)',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, querystring: ZExportQuery, response: { 200: z.string() } },
      handler: async (req, reply) => {
        const file = await exports.organizations(ctxOf(req), req.params.slug, req.query);
        // A string with a non-JSON content type is sent as it is, not serialised as JSON.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    }),
  ];
}

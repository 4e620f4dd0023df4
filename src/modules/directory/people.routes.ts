import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import type { AffiliationsService } from './affiliations.service.ts';
import { ZAffiliationView, ZDirectoryParams } from './directory.contract.ts';
import {
  ZAffiliationParams,
  ZCreateAffiliationRequest,
  ZCreatePersonRequest,
  ZPeopleQuery,
  ZPersonDetail,
  ZPersonExport,
  ZPersonPage,
  ZPersonParams,
  ZPublicPeopleQuery,
  ZPublicPerson,
  ZPublicPersonPage,
  ZUpdateAffiliationRequest,
  ZUpdatePersonRequest,
} from './people.contract.ts';
import type { PeopleService } from './people.service.ts';
import type { PrivacyService } from './privacy.service.ts';

const tags = ['directory'];
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const base = '/api/v1/territories/:slug/directory';

type Services = { people: PeopleService; affiliations: AffiliationsService; privacy: PrivacyService };

function publicRoutes({ people }: Services) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/people',
      summary: 'Public profiles (people who consented), without contact details',
      tags,
      access: { kind: 'public' },
      schema: { params: ZDirectoryParams, querystring: ZPublicPeopleQuery, response: { 200: ZPublicPersonPage } },
      handler: async (req) => people.publicSearch(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/people/:personId',
      summary: 'A public profile',
      tags,
      access: { kind: 'public' },
      schema: { params: ZPersonParams, response: { 200: ZPublicPerson } },
      handler: async (req) => people.publicGet(ctxOf(req), req.params.slug, req.params.personId),
    }),
  ];
}

function staffRoutes({ people }: Services) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/people`,
      summary: 'Search people (full records)',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, querystring: ZPeopleQuery, response: { 200: ZPersonPage } },
      handler: async (req) => people.search(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/people`,
      summary: 'Add a person (with the legal basis for holding their data)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZCreatePersonRequest, response: { 201: ZPersonDetail } },
      handler: async (req, reply) => {
        reply.code(201);
        return people.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/people/:personId`,
      summary: 'A person with their affiliations',
      tags,
      access: staff,
      schema: { params: ZPersonParams, response: { 200: ZPersonDetail } },
      handler: async (req) => people.get(ctxOf(req), req.params.slug, req.params.personId),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/people/:personId`,
      summary: 'Edit a person, their consents and public profile',
      tags,
      access: staff,
      write: true,
      schema: { params: ZPersonParams, body: ZUpdatePersonRequest, response: { 200: ZPersonDetail } },
      handler: async (req) => people.update(ctxOf(req), req.params.slug, req.params.personId, req.body),
    }),
  ];
}

function affiliationAndPrivacyRoutes({ affiliations, privacy }: Services) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/people/:personId/affiliations`,
      summary: 'Affiliate a person with an organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZPersonParams, body: ZCreateAffiliationRequest, response: { 201: ZAffiliationView } },
      handler: async (req, reply) => {
        reply.code(201);
        return affiliations.add(ctxOf(req), req.params.slug, req.params.personId, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/affiliations/:affiliationId`,
      summary: "Edit an affiliation's title or dates",
      tags,
      access: staff,
      write: true,
      schema: { params: ZAffiliationParams, body: ZUpdateAffiliationRequest, response: { 200: ZAffiliationView } },
      handler: async (req) => affiliations.update(ctxOf(req), req.params.slug, req.params.affiliationId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/affiliations/:affiliationId`,
      summary: 'Remove an affiliation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZAffiliationParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await affiliations.remove(ctxOf(req), req.params.slug, req.params.affiliationId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/people/:personId/export`,
      summary: 'Everything held on a person, as JSON (RGPD right of access); the export is audited',
      tags,
      access: staff,
      // Reading personal data in bulk is recorded in the audit log.
      write: true,
      schema: { params: ZPersonParams, response: { 200: ZPersonExport } },
      handler: async (req) => privacy.exportPerson(ctxOf(req), req.params.slug, req.params.personId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/people/:personId/erase`,
      summary: 'Erase a person (RGPD): anonymise the record and their traces in the audit log (administrators)',
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      write: true,
      schema: {
        params: ZPersonParams,
        response: { 200: z.object({ erasedAt: z.iso.datetime(), auditEntriesScrubbed: z.number().int() }) },
      },
      handler: async (req) => privacy.erasePerson(ctxOf(req), req.params.slug, req.params.personId),
    }),
  ];
}

export function peopleRoutes(services: Services) {
  return [...publicRoutes(services), ...staffRoutes(services), ...affiliationAndPrivacyRoutes(services)];
}

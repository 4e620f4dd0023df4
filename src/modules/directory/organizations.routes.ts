import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZCreateOrganizationRequest,
  ZDirectoryParams,
  ZOrganization,
  ZOrganizationDetail,
  ZOrganizationParams,
  ZPageQuery,
  ZPublicOrganization,
  ZUpdateOrganizationRequest,
} from './directory.contract.ts';
import {
  ZCreateMetricRequest,
  ZCreateRelationshipRequest,
  ZMetric,
  ZMetricPage,
  ZMetricParams,
  ZMetricQuery,
  ZRelationship,
  ZRelationshipPage,
  ZRelationshipParams,
  ZUpdateRelationshipRequest,
} from './links.contract.ts';
import { ZBulkTagRequest, ZBulkTagResult, ZMergeRequest } from './merge.contract.ts';
import type { MetricsService } from './metrics.service.ts';
import type { OrganizationsService } from './organizations.service.ts';
import type { RelationshipsService } from './relationships.service.ts';
import { ZOrganizationPage, ZOrganizationSearchQuery, ZPublicOrganizationPage } from './search.contract.ts';
import type { SearchService } from './search.service.ts';

const tags = ['directory'];
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const base = '/api/v1/territories/:slug/directory';

type Services = {
  organizations: OrganizationsService;
  search: SearchService;
  relationships: RelationshipsService;
  metrics: MetricsService;
};

/** The public directory of a territory: public organisations and the fields they show. */
function publicRoutes({ search }: Services) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/organizations',
      summary: 'Search the public directory (accent-, case- and typo-tolerant), with facets',
      tags,
      access: { kind: 'public' },
      schema: { params: ZDirectoryParams, querystring: ZOrganizationSearchQuery, response: { 200: ZPublicOrganizationPage } },
      handler: async (req) => search.publicSearch(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/organizations/:organizationId',
      summary: 'A public organisation',
      tags,
      access: { kind: 'public' },
      schema: { params: ZOrganizationParams, response: { 200: ZPublicOrganization } },
      handler: async (req) => search.publicGet(ctxOf(req), req.params.slug, req.params.organizationId),
    }),
  ];
}

function organizationRoutes({ organizations, search }: Services) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/organizations`,
      summary: 'Search all organisations (full records), with facets',
      tags,
      access: staff,
      schema: { params: ZDirectoryParams, querystring: ZOrganizationSearchQuery, response: { 200: ZOrganizationPage } },
      handler: async (req) => search.staffSearch(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/organizations`,
      summary: 'Add an organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZCreateOrganizationRequest, response: { 201: ZOrganization } },
      handler: async (req, reply) => {
        reply.code(201);
        return organizations.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/organizations/tags`,
      summary: 'Add or remove tags on several organisations',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZBulkTagRequest, response: { 200: ZBulkTagResult } },
      handler: async (req) => organizations.bulkTag(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/organizations/:organizationId`,
      summary: 'An organisation with its figures, relationships and people',
      tags,
      access: staff,
      schema: { params: ZOrganizationParams, response: { 200: ZOrganizationDetail } },
      handler: async (req) => organizations.get(ctxOf(req), req.params.slug, req.params.organizationId),
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/organizations/:organizationId`,
      summary: 'Edit an organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZOrganizationParams, body: ZUpdateOrganizationRequest, response: { 200: ZOrganization } },
      handler: async (req) => organizations.update(ctxOf(req), req.params.slug, req.params.organizationId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/organizations/:organizationId`,
      summary: 'Delete an organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZOrganizationParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await organizations.remove(ctxOf(req), req.params.slug, req.params.organizationId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/organizations/:organizationId/merge`,
      summary: 'Merge a duplicate into this organisation',
      tags,
      access: staff,
      write: true,
      schema: { params: ZOrganizationParams, body: ZMergeRequest, response: { 200: ZOrganization } },
      handler: async (req) => organizations.merge(ctxOf(req), req.params.slug, req.params.organizationId, req.body.duplicateId),
    }),
  ];
}

function linkRoutes({ relationships, metrics }: Services) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/organizations/:organizationId/relationships`,
      summary: "An organisation's relationships, both ways",
      tags,
      access: staff,
      schema: { params: ZOrganizationParams, querystring: ZPageQuery, response: { 200: ZRelationshipPage } },
      handler: async (req) => relationships.list(ctxOf(req), req.params.slug, req.params.organizationId, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/relationships`,
      summary: 'Relate two organisations (accompanies, funds, hosts…)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZDirectoryParams, body: ZCreateRelationshipRequest, response: { 201: ZRelationship } },
      handler: async (req, reply) => {
        reply.code(201);
        return relationships.create(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/relationships/:relationshipId`,
      summary: "Edit a relationship's dates or note",
      tags,
      access: staff,
      write: true,
      schema: { params: ZRelationshipParams, body: ZUpdateRelationshipRequest, response: { 200: ZRelationship } },
      handler: async (req) => relationships.update(ctxOf(req), req.params.slug, req.params.relationshipId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/relationships/:relationshipId`,
      summary: 'Remove a relationship',
      tags,
      access: staff,
      write: true,
      schema: { params: ZRelationshipParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await relationships.remove(ctxOf(req), req.params.slug, req.params.relationshipId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/organizations/:organizationId/metrics`,
      summary: "An organisation's figures over time (headcount, funds raised, revenue band)",
      tags,
      access: staff,
      schema: { params: ZOrganizationParams, querystring: ZMetricQuery, response: { 200: ZMetricPage } },
      handler: async (req) => metrics.history(ctxOf(req), req.params.slug, req.params.organizationId, req.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/organizations/:organizationId/metrics`,
      summary: 'Record a dated figure',
      tags,
      access: staff,
      write: true,
      schema: { params: ZOrganizationParams, body: ZCreateMetricRequest, response: { 201: ZMetric } },
      handler: async (req, reply) => {
        reply.code(201);
        return metrics.add(ctxOf(req), req.params.slug, req.params.organizationId, req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/organizations/:organizationId/metrics/:metricId`,
      summary: 'Remove a figure recorded by mistake',
      tags,
      access: staff,
      write: true,
      schema: { params: ZMetricParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await metrics.remove(ctxOf(req), req.params.slug, req.params.organizationId, req.params.metricId);
        return reply.code(204).send();
      },
    }),
  ];
}

export function organizationsRoutes(services: Services) {
  return [...publicRoutes(services), ...organizationRoutes(services), ...linkRoutes(services)];
}

import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZDirectoryParams } from './directory.contract.ts';
import { ZKeyFigures, ZPublicRelationshipPage, ZPublicRelationshipQuery } from './portal.contract.ts';
import type { PortalService } from './portal.service.ts';

const tags = ['directory'];

/** The public portal's key figures and relationships. */
export function portalRoutes({ portal }: { portal: PortalService }) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/figures',
      summary: "The ecosystem's key figures: public organisations by kind, jobs and funds raised they made public",
      tags,
      access: { kind: 'public' },
      schema: { params: ZDirectoryParams, response: { 200: ZKeyFigures } },
      handler: async (req) => portal.figures(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/relationships',
      summary: 'Relationships between public organisations that show them',
      tags,
      access: { kind: 'public' },
      schema: { params: ZDirectoryParams, querystring: ZPublicRelationshipQuery, response: { 200: ZPublicRelationshipPage } },
      handler: async (req) => portal.relationships(ctxOf(req), req.params.slug, req.query),
    }),
  ];
}

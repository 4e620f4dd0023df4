import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZCommuneList,
  ZCreateTerritoryRequest,
  ZCreateThemeRequest,
  ZTerritoryDetail,
  ZTerritoryList,
  ZTerritoryParams,
  ZTheme,
  ZThemeParams,
  ZUpdateTerritoryRequest,
} from './territories.contract.ts';
import type { TerritoriesService } from './territories.service.ts';

const tags = ['territories'];

export function territoriesRoutes(service: TerritoriesService) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories',
      summary: 'List territories',
      tags,
      access: { kind: 'public' },
      schema: { response: { 200: ZTerritoryList } },
      handler: async () => ({ items: await service.list() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/territories',
      summary: 'Create a territory (platform administrators)',
      tags,
      access: { kind: 'platform_admin' },
      write: true,
      schema: { body: ZCreateTerritoryRequest, response: { 201: ZTerritoryDetail } },
      handler: async (req, reply) => {
        reply.code(201);
        return service.create(ctxOf(req), req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug',
      summary: 'A territory with its themes',
      tags,
      access: { kind: 'public' },
      schema: { params: ZTerritoryParams, response: { 200: ZTerritoryDetail } },
      handler: async (req) => service.get(req.params.slug),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/territories/:slug',
      summary: 'Edit a territory (its administrators)',
      tags,
      access: { kind: 'territory', roles: ['admin'] },
      write: true,
      schema: { params: ZTerritoryParams, body: ZUpdateTerritoryRequest, response: { 200: ZTerritoryDetail } },
      handler: async (req) => service.update(ctxOf(req), req.params.slug, req.body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/territories/:slug/communes',
      summary: 'Communes the territory covers',
      tags,
      access: { kind: 'public' },
      schema: { params: ZTerritoryParams, response: { 200: ZCommuneList } },
      handler: async (req) => {
        const items = await service.communes(req.params.slug);
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/territories/:slug/themes',
      summary: 'Add a theme',
      tags,
      access: { kind: 'territory', roles: ['admin', 'staff'] },
      write: true,
      schema: { params: ZTerritoryParams, body: ZCreateThemeRequest, response: { 201: ZTheme } },
      handler: async (req, reply) => {
        reply.code(201);
        return service.createTheme(ctxOf(req), req.params.slug, req.body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/territories/:slug/themes/:themeId',
      summary: 'Remove a theme',
      tags,
      access: { kind: 'territory', roles: ['admin', 'staff'] },
      write: true,
      schema: { params: ZThemeParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await service.deleteTheme(ctxOf(req), req.params.slug, req.params.themeId);
        return reply.code(204).send();
      },
    }),
  ];
}

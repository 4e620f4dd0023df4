import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZCallParams, ZCallsParams } from './calls.contract.ts';
import {
  ZAddPanelMemberRequest,
  ZAdvanceRequest,
  ZAdvanceResult,
  ZCreateStageRequest,
  ZPanelMemberParams,
  ZReviewer,
  ZReviewerList,
  ZReviewerParams,
  ZReviewerProfileRequest,
  ZStage,
  ZStageList,
  ZStageParams,
  ZUpdateStageRequest,
} from './stages.contract.ts';
import type { StagesService } from './stages.service.ts';

const tags = ['calls'];
const base = '/api/v1/territories/:slug';
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const reviewer = { kind: 'territory', roles: ['reviewer'] } as const;

export function stageRoutes(stages: StagesService) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/calls/:call/stages`,
      summary: "A call's review stages with their rubric, loads and panel",
      tags,
      access: staff,
      schema: { params: ZCallParams, response: { 200: ZStageList } },
      handler: async (req) => stages.list(ctxOf(req), req.params.slug, req.params.call),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/calls/:call/stages`,
      summary: 'Add a review stage after the last one',
      tags,
      access: staff,
      write: true,
      schema: { params: ZCallParams, body: ZCreateStageRequest, response: { 201: ZStage } },
      handler: async (req, reply) => {
        reply.code(201);
        return stages.create(ctxOf(req), req.params.slug, req.params.call, req.body);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: `${base}/stages/:stageId`,
      summary: "Edit a stage: names, rubric (until a review is submitted), reviews wanted, reviewers' loads",
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, body: ZUpdateStageRequest, response: { 200: ZStage } },
      handler: async (req) => stages.update(ctxOf(req), req.params.slug, req.params.stageId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/stages/:stageId`,
      summary: 'Delete a stage that holds no application and no review; the later stages move up',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await stages.remove(ctxOf(req), req.params.slug, req.params.stageId);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/stages/:stageId/panel`,
      summary: 'Add a reviewer to the panel (an account with the reviewer role, or an e-mail address invited by an admin)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, body: ZAddPanelMemberRequest, response: { 200: ZStage } },
      handler: async (req) => stages.addPanelMember(ctxOf(req), req.params.slug, req.params.stageId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/stages/:stageId/panel/:userId`,
      summary: 'Remove a reviewer from the panel, with their unstarted assignments',
      tags,
      access: staff,
      write: true,
      schema: { params: ZPanelMemberParams, response: { 200: ZStage } },
      handler: async (req) => stages.removePanelMember(ctxOf(req), req.params.slug, req.params.stageId, req.params.userId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/stages/:stageId/advance`,
      summary: 'Move submitted applications from the previous stage into this one (all or none)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, body: ZAdvanceRequest, response: { 200: ZAdvanceResult } },
      handler: async (req) => stages.advance(ctxOf(req), req.params.slug, req.params.stageId, req.body.applicationIds),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/reviewers`,
      summary: "The territory's reviewers and their expertise",
      tags,
      access: staff,
      schema: { params: ZCallsParams, response: { 200: ZReviewerList } },
      handler: async (req) => stages.reviewers(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/reviewers/:userId/profile`,
      summary: "Set a reviewer's expertise (themes of the territory)",
      tags,
      access: staff,
      write: true,
      schema: { params: ZReviewerParams, body: ZReviewerProfileRequest, response: { 200: ZReviewer } },
      handler: async (req) => stages.setProfile(ctxOf(req), req.params.slug, req.params.userId, req.body.themes),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/reviewer-profile`,
      summary: 'Your own expertise as a reviewer',
      tags,
      access: reviewer,
      schema: { params: z.strictObject({ slug: ZCallsParams.shape.slug }), response: { 200: ZReviewer } },
      handler: async (req) => stages.profile(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/reviewer-profile`,
      summary: 'Set your own expertise as a reviewer',
      tags,
      access: reviewer,
      write: true,
      schema: { params: z.strictObject({ slug: ZCallsParams.shape.slug }), body: ZReviewerProfileRequest, response: { 200: ZReviewer } },
      handler: async (req) => stages.setProfile(ctxOf(req), req.params.slug, null, req.body.themes),
    }),
  ];
}

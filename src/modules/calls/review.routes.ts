import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZApplicationParams, ZDecisionRequest, ZDecisionResult } from './applications.contract.ts';
import type { AssignmentService } from './assignment.service.ts';
import { ZCallsParams } from './calls.contract.ts';
import type { DecisionsService } from './decisions.service.ts';
import {
  ZAssignmentList,
  ZDeclaration,
  ZDeclarationRequest,
  ZPairParams,
  ZPairRuleList,
  ZPairRuleRequest,
  ZRanking,
  ZReminderResult,
  ZReview,
  ZReviewParams,
  ZReviewQueue,
  ZSaveReviewRequest,
} from './review.contract.ts';
import type { ReviewService } from './review.service.ts';
import { ZStageParams } from './stages.contract.ts';

const tags = ['calls'];
const base = '/api/v1/territories/:slug';
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;
const reviewer = { kind: 'territory', roles: ['reviewer'] } as const;

function reviewerRoutes(review: ReviewService) {
  return [
    defineRoute({
      method: 'GET',
      url: `${base}/my-reviews`,
      summary: "The reviewer's queue: summaries until a declaration, then the full file with its revision and changes",
      tags,
      access: reviewer,
      schema: { params: ZCallsParams, response: { 200: ZReviewQueue } },
      handler: async (req) => review.queue(ctxOf(req), req.params.slug),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/reviews/:reviewId`,
      summary: 'One of your reviews',
      tags,
      access: reviewer,
      schema: { params: ZReviewParams, response: { 200: ZReview } },
      handler: async (req) => review.get(ctxOf(req), req.params.slug, req.params.reviewId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/reviews/:reviewId/declaration`,
      summary: 'Declare no conflict of interest (opens the file) or a typed conflict (withdraws you from it)',
      tags,
      access: reviewer,
      write: true,
      schema: { params: ZReviewParams, body: ZDeclarationRequest, response: { 200: ZDeclaration } },
      handler: async (req) => review.declare(ctxOf(req), req.params.slug, req.params.reviewId, req.body),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/reviews/:reviewId`,
      summary: 'Save scores (within each criterion scale), comment and recommendation',
      tags,
      access: reviewer,
      write: true,
      schema: { params: ZReviewParams, body: ZSaveReviewRequest, response: { 200: ZReview } },
      handler: async (req) => review.save(ctxOf(req), req.params.slug, req.params.reviewId, req.body),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/reviews/:reviewId/submit`,
      summary: 'Submit the review: complete, then locked',
      tags,
      access: reviewer,
      write: true,
      schema: { params: ZReviewParams, response: { 200: ZReview } },
      handler: async (req) => review.submit(ctxOf(req), req.params.slug, req.params.reviewId),
    }),
  ];
}

function staffRoutes(assignment: AssignmentService, decisions: DecisionsService) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/stages/:stageId/assignment`,
      summary: 'Run the automatic assignment: replaces unstarted assignments, keeps started reviews and pins',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, response: { 200: ZAssignmentList } },
      handler: async (req) => assignment.run(ctxOf(req), req.params.slug, req.params.stageId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/stages/:stageId/assignment`,
      summary: "The stage's assignments with their affinity",
      tags,
      access: staff,
      schema: { params: ZStageParams, response: { 200: ZAssignmentList } },
      handler: async (req) => assignment.list(ctxOf(req), req.params.slug, req.params.stageId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/stages/:stageId/pairs`,
      summary: 'The pinned and forbidden application–reviewer pairs of a stage',
      tags,
      access: staff,
      schema: { params: ZStageParams, response: { 200: ZPairRuleList } },
      handler: async (req) => assignment.rules(ctxOf(req), req.params.slug, req.params.stageId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/stages/:stageId/pairs`,
      summary: 'Pin or forbid an application–reviewer pair for the next assignment',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, body: ZPairRuleRequest, response: { 200: ZPairRuleList } },
      handler: async (req) => assignment.setRule(ctxOf(req), req.params.slug, req.params.stageId, req.body),
    }),
    defineRoute({
      method: 'DELETE',
      url: `${base}/stages/:stageId/pairs/:applicationId/:reviewerId`,
      summary: 'Remove a pin or a forbidden pair',
      tags,
      access: staff,
      write: true,
      schema: { params: ZPairParams, response: { 200: ZPairRuleList } },
      handler: async (req) =>
        assignment.removeRule(ctxOf(req), req.params.slug, req.params.stageId, req.params.applicationId, req.params.reviewerId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/stages/:stageId/ranking`,
      summary: 'Ranking of the stage: weighted mean, spread between reviewers, missing reviews',
      tags,
      access: staff,
      schema: { params: ZStageParams, response: { 200: ZRanking } },
      handler: async (req) => decisions.ranking(ctxOf(req), req.params.slug, req.params.stageId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/stages/:stageId/reminders`,
      summary: 'E-mail reviewers with missing reviews (once per reviewer every 24 hours)',
      tags,
      access: staff,
      write: true,
      schema: { params: ZStageParams, response: { 200: ZReminderResult } },
      handler: async (req) => decisions.remind(ctxOf(req), req.params.slug, req.params.stageId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/applications/:applicationId/decision`,
      summary: 'Decide: selected, waitlisted or rejected, with a reason e-mailed to the applicant',
      tags,
      access: staff,
      write: true,
      schema: { params: ZApplicationParams, body: ZDecisionRequest, response: { 200: ZDecisionResult } },
      handler: async (req) => decisions.decide(ctxOf(req), req.params.slug, req.params.applicationId, req.body),
    }),
  ];
}

export function reviewRoutes(services: { review: ReviewService; assignment: AssignmentService; decisions: DecisionsService }) {
  return [...reviewerRoutes(services.review), ...staffRoutes(services.assignment, services.decisions)];
}

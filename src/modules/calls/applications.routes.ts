import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import {
  ZApplication,
  ZApplicationList,
  ZApplicationListQuery,
  ZApplicationParams,
  ZCreateApplicationRequest,
  ZRevisionList,
  ZSaveAnswersRequest,
} from './applications.contract.ts';
import { ZCallListQuery, ZCallParams, ZCallsParams } from './calls.contract.ts';
import type { CallsServices } from './calls.routes.ts';

const tags = ['calls'];
const base = '/api/v1/territories/:slug';
const signedIn = { kind: 'signed_in' } as const;
const staff = { kind: 'territory', roles: ['admin', 'staff'] } as const;

export function applicationRoutes({ applications }: CallsServices) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/calls/:call/applications`,
      summary: 'Start an application (a draft) for an organisation you are affiliated to',
      tags,
      access: signedIn,
      write: true,
      schema: { params: ZCallParams, body: ZCreateApplicationRequest, response: { 201: ZApplication } },
      handler: async (req, reply) => {
        reply.code(201);
        return applications.create(ctxOf(req), req.params.slug, req.params.call, req.body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/calls/:call/applications`,
      summary: "A call's applications (staff)",
      tags,
      access: staff,
      schema: { params: ZCallParams, querystring: ZApplicationListQuery, response: { 200: ZApplicationList } },
      handler: async (req) => applications.forCall(ctxOf(req), req.params.slug, req.params.call, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/my-applications`,
      summary: "The signed-in person's applications in the territory",
      tags,
      access: signedIn,
      schema: { params: ZCallsParams, querystring: ZCallListQuery, response: { 200: ZApplicationList } },
      handler: async (req) => applications.mine(ctxOf(req), req.params.slug, req.query),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/applications/:applicationId`,
      summary: 'An application, its status and its screening reasons (applicant and staff)',
      tags,
      access: signedIn,
      schema: { params: ZApplicationParams, response: { 200: ZApplication } },
      handler: async (req) => applications.get(ctxOf(req), req.params.slug, req.params.applicationId),
    }),
    defineRoute({
      method: 'PUT',
      url: `${base}/applications/:applicationId/answers`,
      summary: 'Save the answers: a draft, or after submission (until the deadline) a new revision',
      tags,
      access: signedIn,
      write: true,
      schema: { params: ZApplicationParams, body: ZSaveAnswersRequest, response: { 200: ZApplication } },
      handler: async (req) => applications.saveAnswers(ctxOf(req), req.params.slug, req.params.applicationId, req.body.answers),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/applications/:applicationId/submit`,
      summary: 'Submit the application: revision 1, screened for eligibility',
      tags,
      access: signedIn,
      write: true,
      schema: { params: ZApplicationParams, response: { 200: ZApplication } },
      handler: async (req) => applications.submit(ctxOf(req), req.params.slug, req.params.applicationId),
    }),
    defineRoute({
      method: 'POST',
      url: `${base}/applications/:applicationId/withdraw`,
      summary: 'Withdraw the application before the deadline',
      tags,
      access: signedIn,
      write: true,
      schema: { params: ZApplicationParams, response: { 200: ZApplication } },
      handler: async (req) => applications.withdraw(ctxOf(req), req.params.slug, req.params.applicationId),
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/applications/:applicationId/revisions`,
      summary: "The application's submitted revisions, with the questions each one changed",
      tags,
      access: signedIn,
      schema: { params: ZApplicationParams, response: { 200: ZRevisionList } },
      handler: async (req) => applications.revisions(ctxOf(req), req.params.slug, req.params.applicationId),
    }),
  ];
}

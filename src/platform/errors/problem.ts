import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sqlState } from '../db/sql-state.ts';
import { negotiateLocale } from '../i18n/locale.ts';
import { AppError, type ErrorCode, type FieldError, statusByCode } from './app-error.ts';
import { errorTitles } from './messages.ts';

/** RFC 9457 problem details, as Totem sends them. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

function problemFor(req: FastifyRequest, code: ErrorCode, detail?: string, errors?: FieldError[]): TProblem {
  const locale = negotiateLocale(req.headers['accept-language']);
  return {
    type: `about:blank#${code}`,
    title: errorTitles[code][locale],
    status: statusByCode[code],
    code,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, detail?: string, errors?: FieldError[]) {
  const body = problemFor(req, code, detail, errors);
  return reply.code(body.status).header('content-type', 'application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_CTP_INVALID_CHARSET: 'unsupported_media_type',
  FST_ERR_VALIDATION: 'validation_failed',
  FST_ERR_BAD_URL: 'not_found',
  FST_ERR_MAX_PARAM_LENGTH: 'not_found',
  FST_ERR_ASYNC_CONSTRAINT: 'malformed_body',
};

/** Postgres error codes that mean the input was wrong, not the server. */
const pgCodeMap: Record<string, ErrorCode> = {
  '23505': 'conflict',
  '23P01': 'conflict',
  '23503': 'validation_failed',
  '23514': 'validation_failed',
  '22P02': 'validation_failed',
  '22001': 'validation_failed',
  '22007': 'validation_failed',
  '22008': 'validation_failed',
  '22003': 'validation_failed',
  '22021': 'validation_failed',
  '42501': 'forbidden',
};

/** The one error handler: every error leaves as problem+json. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return sendProblem(req, reply, err.code, err.message !== err.code ? err.message : undefined, err.errors);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const french = negotiateLocale(req.headers['accept-language']) === 'fr';
    const errors = err.validation.map((v) => ({
      path: [
        where,
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ].join('.'),
      code: String(v.keyword ?? 'invalid'),
      // The French wording travels with the issue (see `platform/http/validator.ts`).
      message: (french && typeof v.params?.fr === 'string' ? v.params.fr : v.message) ?? 'invalid',
    }));
    return sendProblem(req, reply, 'validation_failed', undefined, errors);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response did not match its contract');
    return sendProblem(req, reply, 'internal');
  }
  const mapped = err.code ? fastifyCodeMap[err.code] : undefined;
  if (mapped) return sendProblem(req, reply, mapped, err.message);
  const pg = sqlState(err);
  if (pg && pgCodeMap[pg]) return sendProblem(req, reply, pgCodeMap[pg]);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    if (err.statusCode === 429) return sendProblem(req, reply, 'rate_limited');
    if (err.statusCode === 413) return sendProblem(req, reply, 'body_too_large');
    if (err.statusCode === 415) return sendProblem(req, reply, 'unsupported_media_type');
    return sendProblem(req, reply, 'malformed_body', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return sendProblem(req, reply, 'internal');
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(req, reply, 'not_found');
}

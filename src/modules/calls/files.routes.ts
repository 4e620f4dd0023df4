import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { ZApplicationFile, ZApplicationParams, ZFileParams } from './applications.contract.ts';
import type { FilesService } from './files.service.ts';

const tags = ['calls'];
const base = '/api/v1/territories/:slug';
const signedIn = { kind: 'signed_in' } as const;
/** Above every file question's own limit (10 MiB at most); each question's limit is checked by the service. */
export const uploadLimits = { fileSize: 10 * 1024 * 1024, files: 1, fields: 2, parts: 3 };

/** Reads the one file part and the `questionId` field of a multipart upload, as 4xx problems when malformed. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data');
  try {
    const part = await req.file();
    if (!part) throw new AppError('file_rejected', 'no file part');
    const content = await part.toBuffer();
    const field = part.fields.questionId as { value?: unknown } | undefined;
    const questionId = typeof field?.value === 'string' ? field.value : '';
    return { questionId, filename: part.filename, content };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    throw new AppError(code === 'FST_REQ_FILE_TOO_LARGE' ? 'file_rejected' : 'malformed_body', 'unreadable multipart upload');
  }
}

export function fileRoutes(files: FilesService) {
  return [
    defineRoute({
      method: 'POST',
      url: `${base}/applications/:applicationId/files`,
      summary: 'Upload a file for a file question (multipart: `questionId` field before the `file` part); PDF, PNG or JPEG by content',
      tags,
      access: signedIn,
      write: true,
      schema: { params: ZApplicationParams, response: { 201: ZApplicationFile } },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 'sign in to upload');
        const upload = await readUpload(req);
        reply.code(201);
        return files.upload(ctx, req.params.slug, req.params.applicationId, upload);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${base}/files/:fileId`,
      summary: 'Download an application file (applicant, staff, assigned reviewers who declared no conflict)',
      tags,
      access: signedIn,
      schema: { params: ZFileParams, response: {} },
      handler: async (req, reply) => {
        const f = await files.download(ctxOf(req), req.params.slug, req.params.fileId);
        reply.header('content-type', f.contentType);
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('digest', `sha-256=${Buffer.from(f.sha256, 'hex').toString('base64')}`);
        return reply.send(f.content);
      },
    }),
  ];
}

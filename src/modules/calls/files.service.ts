import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requireApplication, userIdOf } from './application-access.ts';
import { isOpen } from './call-dto.ts';
import { managesCalls } from './calls.policy.ts';
import { applicationFiles, applications } from './calls.tables.ts';
import { safeFilename, sniff } from './files.ts';
import { questionsOf } from './forms.ts';
import { reviewerAccess } from './reviewer-access.ts';
import { inTerritory, record } from './scope.ts';

export type TUpload = { questionId: string; filename: string; content: Buffer };

const rejected = (ctx: Ctx, fr: string, en: string) => {
  const message = ctx.locale === 'fr' ? fr : en;
  return new AppError('file_rejected', message, { errors: [{ path: 'file', code: 'file_rejected', message }] });
};
const typeNames: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };
/** A size in megabytes (or kilobytes under one), with the reader's decimal mark. */
function size(bytes: number, locale: 'fr' | 'en'): string {
  const nf = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1_000_000
    ? `${nf.format(bytes / 1_000_000)} ${locale === 'fr' ? 'Mo' : 'MB'}`
    : `${nf.format(bytes / 1000)} ${locale === 'fr' ? 'ko' : 'kB'}`;
}

/** Files of file questions, stored in the database, readable by the applicant, staff and assigned reviewers without conflict. */
export function createFilesService({ database, clock }: Pick<Deps, 'database' | 'clock'>) {
  return {
    upload(ctx: Ctx, slug: string, applicationId: string, input: TUpload) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const { a, call } = await requireApplication(s, applicationId, { lock: true });
        if (!['draft', 'submitted', 'ineligible'].includes(a.status))
          throw new AppError('application_locked', `application is ${a.status}`);
        if (!isOpen(call, clock.now())) throw new AppError('call_not_open', 'the call is not accepting applications');
        const q = questionsOf(call.form).find((x) => x.id === input.questionId);
        if (q?.type !== 'file')
          throw rejected(ctx, `La question ${input.questionId} n’attend pas de fichier.`, `Question ${input.questionId} takes no file.`);
        if (input.content.length === 0) throw rejected(ctx, 'Le fichier est vide.', 'The file is empty.');
        if (input.content.length > q.maxSizeBytes) {
          const [fr, en] = [size(q.maxSizeBytes, 'fr'), size(q.maxSizeBytes, 'en')];
          throw rejected(ctx, `Le fichier dépasse la taille permise (${fr} au plus).`, `The file is too large (${en} at most).`);
        }
        const type = sniff(input.content);
        if (!type || !q.allowedTypes.includes(type)) {
          const accepted = q.allowedTypes.map((x) => typeNames[x] ?? x).join(', ');
          throw rejected(ctx, `Type de fichier refusé : ${accepted} seulement.`, `File type refused: ${accepted} only.`);
        }
        const sha256 = createHash('sha256').update(input.content).digest('hex');
        const [row] = await s.tx
          .insert(applicationFiles)
          .values({
            territoryId: s.territory.id,
            applicationId,
            questionId: q.id,
            filename: safeFilename(input.filename),
            contentType: type,
            size: input.content.length,
            sha256,
            content: input.content,
          })
          .returning({
            id: applicationFiles.id,
            questionId: applicationFiles.questionId,
            filename: applicationFiles.filename,
            contentType: applicationFiles.contentType,
            size: applicationFiles.size,
            sha256: applicationFiles.sha256,
          });
        if (!row) throw new AppError('internal');
        await record(s, 'application.file_upload', 'application_file', row.id, { after: row });
        return row;
      });
    },

    /** The file, if the actor is its applicant, staff, or a reviewer assigned to it without conflict (404 otherwise). */
    download(ctx: Ctx, slug: string, fileId: string) {
      return inTerritory(database, ctx, slug, 'calls.apply', async (s) => {
        const [row] = await s.tx
          .select({ f: applicationFiles, applicantId: applications.applicantId, organizationId: applications.organizationId })
          .from(applicationFiles)
          .innerJoin(applications, eq(applications.id, applicationFiles.applicationId))
          .where(eq(applicationFiles.id, fileId))
          .limit(1);
        if (!row) throw new AppError('file_not_found', `no file ${fileId}`);
        const me = userIdOf(s);
        const allowed =
          managesCalls(ctx.actor, s.territory.id) ||
          row.applicantId === me ||
          (await reviewerAccess(s, me, row.f.applicationId, row.organizationId, clock.now())) === 'full';
        if (!allowed) throw new AppError('file_not_found', `no file ${fileId}`);
        return { filename: row.f.filename, contentType: row.f.contentType, content: row.f.content, sha256: row.f.sha256 };
      });
    },
  };
}
export type FilesService = ReturnType<typeof createFilesService>;

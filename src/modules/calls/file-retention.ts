import { and, lt, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { applicationFiles } from './calls.tables.ts';

/** An uploaded file no answer points to is kept this long (the applicant may still save it), then deleted. */
export const ORPHAN_FILE_HOURS = 24;

/**
 * Deletes the files uploaded more than `hours` before `now` that neither the application's current
 * answers nor any of its submitted revisions refer to: replaced or abandoned uploads, which hold
 * personal data with no purpose. Returns how many.
 */
export async function purgeOrphanFiles(database: Database, now: Date, hours = ORPHAN_FILE_HOURS): Promise<number> {
  const before = new Date(now.getTime() - hours * 3_600_000);
  const rows = await database.transaction({ system: true }, (tx) =>
    tx
      .delete(applicationFiles)
      .where(
        and(
          lt(applicationFiles.createdAt, before),
          sql`NOT EXISTS (SELECT 1 FROM applications a
                WHERE a.id = ${applicationFiles.applicationId}
                  AND a.answers ->> ${applicationFiles.questionId} = ${applicationFiles.id}::text)`,
          sql`NOT EXISTS (SELECT 1 FROM application_revisions r
                WHERE r.application_id = ${applicationFiles.applicationId}
                  AND r.answers ->> ${applicationFiles.questionId} = ${applicationFiles.id}::text)`,
        ),
      )
      .returning({ id: applicationFiles.id }),
  );
  return rows.length;
}

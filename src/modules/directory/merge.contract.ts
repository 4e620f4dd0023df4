import { z } from 'zod';
import { ZTag } from './directory.contract.ts';

export const ZMergeRequest = z.strictObject({
  /** The duplicate, folded into the organisation of the URL and then deleted. */
  duplicateId: z.uuid(),
});
export type TMergeRequest = z.infer<typeof ZMergeRequest>;

export const ZBulkTagRequest = z
  .strictObject({
    organizationIds: z.array(z.uuid()).min(1).max(500),
    add: z.array(ZTag).max(30).optional(),
    remove: z.array(ZTag).max(30).optional(),
  })
  .refine((r) => (r.add?.length ?? 0) + (r.remove?.length ?? 0) > 0, { message: 'add or remove at least one tag', path: ['add'] });
export type TBulkTagRequest = z.infer<typeof ZBulkTagRequest>;
export const ZBulkTagResult = z.object({ updated: z.number().int() });

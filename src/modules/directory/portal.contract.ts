import { z } from 'zod';
import { ZOrganizationKind, ZOrganizationRef, ZRelationshipKind } from './directory.contract.ts';

/** The ecosystem's key figures, from public organisations and the figures they made public only. */
export const ZKeyFigures = z
  .object({
    organizations: z.object({
      total: z.number().int(),
      byKind: z.array(z.object({ kind: ZOrganizationKind, count: z.number().int() })),
    }),
    /** Sum of the latest headcounts. */
    jobs: z.number().int(),
    /** Sum of the latest funds raised, in cents of euros. */
    fundsRaisedCents: z.number().int(),
    /** The most recent date among the figures counted. */
    asOf: z.string().nullable(),
  })
  .meta({ id: 'KeyFigures' });
export type TKeyFigures = z.infer<typeof ZKeyFigures>;

export const ZPublicRelationshipQuery = z.strictObject({
  kind: ZRelationshipKind.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TPublicRelationshipQuery = z.infer<typeof ZPublicRelationshipQuery>;

export const ZPublicRelationship = z
  .object({
    id: z.uuid(),
    kind: ZRelationshipKind,
    source: ZOrganizationRef,
    target: ZOrganizationRef,
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
  })
  .meta({ id: 'PublicRelationship' });
export const ZPublicRelationshipPage = z.object({
  items: z.array(ZPublicRelationship),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

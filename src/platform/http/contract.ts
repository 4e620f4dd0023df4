/** Zod building blocks every module's contract uses: free text, territory slugs, pages. */
import { z } from 'zod';

/** Control characters other than tab and line breaks. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** Free text: trimmed, without control characters (NUL would make PostgreSQL refuse the text). */
export const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s), 'control characters are not allowed');

/** Free text that may not be empty once trimmed. */
export const ZRequiredText = (max: number) => ZText(max).pipe(z.string().min(1));

export const ZTerritorySlug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const pageFields = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

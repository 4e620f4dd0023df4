/**
 * Request validation with the routes' Zod contracts, in the requester's language. Zod words its
 * issues in English; each issue also carries its French wording (Zod's French locale), chosen by the
 * error handler from the request's `Accept-Language`. A message a contract wrote itself (a pattern's
 * hint, a refinement's reason) is kept as written, in both languages.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

/** The mark `fastify-type-provider-zod` gives validation issues, so the error handler recognises them. */
const validationMark = Symbol.for('ZodFastifySchemaValidationError');

const english = z.locales.en().localeError;
const french = z.locales.fr().localeError;
type Raw = Parameters<typeof english>[0];
const text = (m: ReturnType<typeof english>) => (typeof m === 'string' ? m : m?.message);

/** A field left out says so plainly, rather than "expected string, received undefined". */
const required = { fr: 'Champ obligatoire', en: 'Required' };

/**
 * An issue's wording in English and French: Zod's own in each language, unless the message is the
 * contract's own (then it stays as written).
 */
export function issueMessages(issue: z.core.$ZodIssue): { en: string; fr: string } {
  const raw = issue as unknown as Raw;
  if (text(english(raw)) !== issue.message) return { en: issue.message, fr: issue.message };
  if (issue.code === 'invalid_type' && issue.input === undefined) return required;
  return { en: issue.message, fr: text(french(raw)) ?? issue.message };
}

/** Fastify's validator for Zod schemas: the parsed value, or the issues with both wordings. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    // The input is reported so that the wording can say what was received; it never leaves the process.
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue) => {
        const { en, fr } = issueMessages(issue);
        return {
          [validationMark]: true,
          keyword: issue.code,
          instancePath: `/${issue.path.join('/')}`,
          schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
          message: en,
          params: { fr },
        };
      }),
    } as never;
  };

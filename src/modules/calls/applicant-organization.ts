/**
 * An applicant whose organisation is not in the directory yet: the organisation, the applicant as a
 * person (matched by e-mail, else created) and their affiliation are written through the directory's
 * own writes, in the application's transaction, so that all of it is saved or none.
 */
import { sql } from 'drizzle-orm';
import { addAffiliation, createOrganization, createPerson, people } from '../directory/index.ts';
import type { TNewOrganization } from './applications.contract.ts';
import type { Scoped } from './scope.ts';

export async function createApplicantOrganization(s: Scoped, input: TNewOrganization, now: Date): Promise<string> {
  if (s.ctx.actor.kind !== 'user') throw new Error('an applicant is signed in');
  const { email, displayName } = s.ctx.actor;
  const org = await createOrganization(s, { ...input, isPublic: false, membershipStatus: 'prospect' });
  const [known] = await s.tx
    .select({ id: people.id })
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()} AND ${people.erasedAt} IS NULL`)
    .limit(1);
  const [firstName = displayName, ...rest] = displayName.split(' ');
  const personId =
    known?.id ??
    (
      await createPerson(
        s,
        {
          firstName,
          lastName: rest.join(' ') || firstName,
          email,
          legalBasis: 'contract',
          purpose: 'Candidature à un appel à projets',
        },
        now,
      )
    ).id;
  await addAffiliation(s, personId, { organizationId: org.id });
  return org.id;
}

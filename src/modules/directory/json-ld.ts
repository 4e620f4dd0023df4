import type { TPublicOrganization, TRelationshipView } from './directory.contract.ts';

type JsonLd = Record<string, unknown>;
const orgRef = (r: TRelationshipView) => ({ '@type': 'Organization', name: r.other.name });

/**
 * A schema.org Organization built from the public view of an organisation only (its name and
 * the fields it made public, and its public relationships), so no private field can reach it.
 */
export function organizationJsonLd(view: TPublicOrganization, links: TRelationshipView[] = []): JsonLd {
  const out: JsonLd = { '@context': 'https://schema.org', '@type': 'Organization', name: view.name };
  if (view.legalName) out.legalName = view.legalName;
  if (view.website) out.url = view.website;
  const description = view.descriptionFr ?? view.descriptionEn;
  if (description) out.description = description;
  if (view.logoUrl) out.logo = view.logoUrl;
  if (view.foundingYear) out.foundingDate = String(view.foundingYear);
  const address: JsonLd = {};
  if (view.address?.street) address.streetAddress = view.address.street;
  if (view.address?.postalCode) address.postalCode = view.address.postalCode;
  const locality = view.address?.city ?? view.commune?.name;
  if (locality) address.addressLocality = locality;
  if (Object.keys(address).length) out.address = { '@type': 'PostalAddress', ...address, addressCountry: 'FR' };
  if (view.siret) out.identifier = { '@type': 'PropertyValue', propertyID: 'SIRET', value: view.siret };
  if (view.sector) out.knowsAbout = view.sector;
  const outgoing = (kind: TRelationshipView['kind']) => links.filter((l) => l.direction === 'outgoing' && l.kind === kind && !l.endedOn);
  const memberOf = outgoing('member_of').map(orgRef);
  if (memberOf.length) out.memberOf = memberOf;
  const [parent] = outgoing('spun_out_of');
  if (parent) out.parentOrganization = orgRef(parent);
  return out;
}

import type { PostalAddress, Site } from "../schemas/site.ts";

/** A schema.org PostalAddress. */
export function postalAddress(address: PostalAddress) {
  return {
    "@type": "PostalAddress",
    streetAddress: address.street,
    addressLocality: address.city,
    addressRegion: address.region,
    postalCode: address.postalCode,
    addressCountry: address.country,
  };
}

/** The firm as a reference inside other JSON-LD (provider, organizer). */
export function organizationReference(site: Site) {
  return { "@type": "EducationalOrganization", name: site.name, url: `${site.url}/` };
}

import { LOGO_PNG_SIZE } from "../brand/brand-assets.ts";
import { BRAND_PATHS } from "../urls/site-urls.ts";
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

/** The firm's logo (mark and wordmark) as a schema.org ImageObject: a PNG, which every consumer of structured data reads. */
export function organizationLogo(site: Site) {
  return { "@type": "ImageObject", url: `${site.url}${BRAND_PATHS.logoPng}`, width: LOGO_PNG_SIZE.width, height: LOGO_PNG_SIZE.height };
}

/** The firm as a reference inside other JSON-LD (provider, organizer, publisher). */
export function organizationReference(site: Site) {
  return { "@type": "EducationalOrganization", name: site.name, url: `${site.url}/`, logo: organizationLogo(site) };
}

import type { Article } from "../collections/views.ts";
import type { Site } from "../schemas/site.ts";
import { organizationLogo, organizationReference, postalAddress } from "./organization.ts";

/** schema.org EducationalOrganization and WebSite for the home page. */
export function homeJsonLd(site: Site) {
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "EducationalOrganization",
        "@id": `${site.url}/#organization`,
        name: site.name,
        alternateName: site.shortName,
        description: site.description,
        url: `${site.url}/`,
        logo: organizationLogo(site),
        email: site.email,
        telephone: site.phone,
        address: postalAddress(site.address),
        contactPoint: {
          "@type": "ContactPoint",
          contactType: "customer service",
          telephone: site.phone,
          email: site.email,
          areaServed: "US",
          availableLanguage: "English",
        },
      },
      {
        "@type": "WebSite",
        "@id": `${site.url}/#website`,
        name: site.name,
        url: `${site.url}/`,
        inLanguage: "en-US",
        publisher: { "@id": `${site.url}/#organization` },
      },
    ],
  };
}

/** schema.org BlogPosting for an article page. */
export function articleJsonLd(article: Article, site: Site) {
  // The firm's own editorial byline is the organisation, not a person.
  const isFirm = article.byline.name === site.shortName || article.byline.name === site.name;
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: article.title,
    description: article.summary,
    url: `${site.url}${article.url}`,
    mainEntityOfPage: `${site.url}${article.url}`,
    datePublished: article.date.toISO({ suppressMilliseconds: true }),
    dateModified: article.modified.toISO({ suppressMilliseconds: true }),
    author: isFirm ? organizationReference(site) : { "@type": "Person", name: article.byline.name, url: site.url + article.byline.url },
    publisher: organizationReference(site),
    image: `${site.url}${article.socialImage}`,
    keywords: article.tags.map((tag) => tag.label).join(", "),
    inLanguage: "en-US",
  };
}

/** One step of a breadcrumb trail. */
export interface Crumb {
  label: string;
  url: string;
}

/** schema.org BreadcrumbList for the visible trail: the same steps, home first, the page itself last. */
export function breadcrumbJsonLd(trail: readonly Crumb[], site: Site) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({ "@type": "ListItem", position: index + 1, name: crumb.label, item: `${site.url}${crumb.url}` })),
  };
}

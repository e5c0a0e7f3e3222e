import type { CatalogCourse, ScheduledSession } from "../collections/views.ts";
import type { CourseFormat } from "../schemas/course.ts";
import type { Site } from "../schemas/site.ts";
import { organizationReference, postalAddress } from "./organization.ts";

const COURSE_MODE: Record<CourseFormat, string> = { "public-classroom": "Onsite", "online-live": "Online", "onsite-private": "Onsite" };

/**
 * schema.org Course for a course page: provider, offers and a CourseInstance per public upcoming session
 * (or per format when none is dated). Private on-site classes are never published.
 */
export function courseJsonLd(course: CatalogCourse, site: Site) {
  const workload = `P${course.durationDays}D`;
  const sessions = course.sessions.filter((session) => !session.isPrivate && session.status !== "cancelled");
  const instances = sessions.length
    ? sessions.map((session) => sessionInstance(session, workload, site))
    : course.formats.map((format) => ({ "@type": "CourseInstance", courseMode: COURSE_MODE[format], courseWorkload: workload }));
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": `${site.url}${course.url}#course`,
    name: course.title,
    description: course.summary,
    url: `${site.url}${course.url}`,
    educationalLevel: course.levelLabel,
    provider: organizationReference(site),
    offers: [
      {
        "@type": "Offer",
        category: "Paid",
        priceCurrency: "USD",
        ...(course.priceUSD !== undefined ? { price: course.priceUSD } : {}),
        url: `${site.url}${course.url}`,
      },
    ],
    hasCourseInstance: instances,
  };
}

function sessionInstance(session: ScheduledSession, workload: string, site: Site) {
  return {
    "@type": "CourseInstance",
    courseMode: session.mode === "online" ? "Online" : "Onsite",
    courseWorkload: workload,
    startDate: session.start.toISO({ suppressMilliseconds: true }),
    endDate: session.end.toISO({ suppressMilliseconds: true }),
    location: session.location
      ? { "@type": "Place", name: session.location.name, address: postalAddress(session.location) }
      : { "@type": "VirtualLocation", url: `${site.url}${session.url}` },
    instructor: { "@type": "Person", name: session.instructor.name, description: session.instructor.role },
  };
}

/** schema.org ItemList of the directory's courses, for the /courses/ page. */
export function courseListJsonLd(courses: readonly CatalogCourse[], site: Site) {
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    itemListElement: courses.map((course, index) => ({ "@type": "ListItem", position: index + 1, url: `${site.url}${course.url}` })),
  };
}

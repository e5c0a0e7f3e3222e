import type { ScheduledSession } from "../collections/schedule.ts";
import type { Site } from "../schemas/site.ts";
import { organizationReference, postalAddress } from "./organization.ts";

const EVENT_STATUS = {
  scheduled: "https://schema.org/EventScheduled",
  cancelled: "https://schema.org/EventCancelled",
  postponed: "https://schema.org/EventPostponed",
} as const;

const AVAILABILITY = {
  open: "https://schema.org/InStock",
  few: "https://schema.org/LimitedAvailability",
  full: "https://schema.org/SoldOut",
  // Registration closes when a class starts: no seat can be bought any more.
  underway: "https://schema.org/SoldOut",
  cancelled: "https://schema.org/SoldOut",
  postponed: "https://schema.org/SoldOut",
} as const;

/** schema.org EducationEvent for a public session page; undefined for a private on-site class, which is not published. */
export function sessionEventJsonLd(session: ScheduledSession, site: Site) {
  if (session.isPrivate) return undefined;
  const url = `${site.url}${session.url}`;
  return {
    "@context": "https://schema.org",
    "@type": "EducationEvent",
    name: session.course.title,
    description: session.course.summary,
    url,
    startDate: session.start.toISO({ suppressMilliseconds: true }),
    endDate: session.end.toISO({ suppressMilliseconds: true }),
    eventStatus: EVENT_STATUS[session.status],
    eventAttendanceMode: session.mode === "online" ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location: session.location
      ? { "@type": "Place", name: session.location.name, address: postalAddress(session.location) }
      : { "@type": "VirtualLocation", url },
    offers: {
      "@type": "Offer",
      url,
      priceCurrency: "USD",
      ...(session.priceUSD !== undefined ? { price: session.priceUSD } : {}),
      availability: AVAILABILITY[session.availability],
    },
    organizer: organizationReference(site),
    performer: { "@type": "Person", name: session.instructor.name },
    educationalLevel: session.course.level.replace(/^./, (letter) => letter.toUpperCase()),
  };
}

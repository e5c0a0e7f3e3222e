import type { ScheduledSession } from "../collections/views.ts";
import type { Site } from "../schemas/site.ts";
import { organizationReference, postalAddress } from "./organization.ts";

const EVENT_STATUS = {
  scheduled: "https://schema.org/EventScheduled",
  cancelled: "https://schema.org/EventCancelled",
  postponed: "https://schema.org/EventPostponed",
  rescheduled: "https://schema.org/EventRescheduled",
} as const;

const AVAILABILITY = {
  open: "https://schema.org/InStock",
  few: "https://schema.org/LimitedAvailability",
  full: "https://schema.org/SoldOut",
  // Registration has closed, or the class has started: no seat can be bought any more.
  closed: "https://schema.org/SoldOut",
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
    // A class that moved and goes ahead on its new dates is rescheduled; one still waiting for dates is postponed.
    eventStatus: EVENT_STATUS[session.previousStart && session.status === "scheduled" ? "rescheduled" : session.status],
    ...(session.previousStart ? { previousStartDate: session.previousStart.toISO({ suppressMilliseconds: true }) } : {}),
    eventAttendanceMode: session.mode === "online" ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location: session.location
      ? { "@type": "Place", name: session.location.name, address: postalAddress(session.location) }
      : { "@type": "VirtualLocation", url },
    offers: {
      "@type": "Offer",
      url,
      priceCurrency: "USD",
      // The price at the build's clock: the early-bird price while it runs, valid until its deadline.
      ...(session.earlyBird ? { price: session.earlyBird.priceUSD, priceValidUntil: session.earlyBird.deadline.at.toISO({ suppressMilliseconds: true }) } : {}),
      ...(!session.earlyBird && session.priceUSD !== undefined ? { price: session.priceUSD } : {}),
      availability: AVAILABILITY[session.availability],
      validThrough: session.registrationDeadline.at.toISO({ suppressMilliseconds: true }),
    },
    organizer: organizationReference(site),
    performer: { "@type": "Person", name: session.instructor.name, url: `${site.url}${session.instructor.url}` },
    educationalLevel: session.course.levelLabel,
  };
}

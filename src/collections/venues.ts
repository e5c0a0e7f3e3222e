import type { Content } from "../content/load-content.ts";
import type { Location } from "../schemas/location.ts";
import type { ListedSessions } from "./listed-sessions.ts";
import type { ScheduledSession } from "./schedule.ts";
import { venueUrl } from "../urls/site-urls.ts";

/** A classroom with its own page: how to get there and what it offers. */
export interface Venue extends Location {
  url: string;
  /** A map search for the street address, opened in the visitor's map service. */
  mapUrl: string;
  /** "1600 Stout Street, Suite 1450, Denver, CO 80202". */
  addressLine: string;
  /** Upcoming classes held here; filled in once the schedule is built. */
  sessions: ScheduledSession[];
  /** What the venue's page lists of them: the first, and the months of the rest. */
  listed: ListedSessions<ScheduledSession>;
}

/** Every location of `_data/locations.yaml` as a venue page, by name. */
export function buildVenues(content: Content): Venue[] {
  return Object.values(content.locations)
    .map((location) => {
      const addressLine = `${location.street}, ${location.city}, ${location.region} ${location.postalCode}`;
      // OpenStreetMap's search needs no key and no tracking consent; the address is the query.
      return { ...location, url: venueUrl(location.id), mapUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLine)}`, addressLine, sessions: [], listed: { sessions: [], later: [] } };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

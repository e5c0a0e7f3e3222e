import type { Content } from "../content/load-content.ts";
import { venueUrl } from "../urls/site-urls.ts";
import type { ClassList, Venue, VenueProfile } from "./views.ts";

/** Every location of `_data/locations.yaml` as a venue, by name. */
export function buildVenueProfiles(content: Pick<Content, "locations">): VenueProfile[] {
  return Object.values(content.locations)
    .map((location) => {
      const addressLine = `${location.street}, ${location.city}, ${location.region} ${location.postalCode}`;
      // OpenStreetMap's search needs no key and no tracking consent; the address is the query.
      return { ...location, url: venueUrl(location.id), mapUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLine)}`, addressLine };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Each venue's page: the profile with the upcoming classes the schedule lists there. */
export function buildVenues(profiles: readonly VenueProfile[], sessionsByVenue: Readonly<Record<string, ClassList>>): Venue[] {
  return profiles.map((profile) => ({ ...profile, ...sessionsByVenue[profile.id]! }));
}

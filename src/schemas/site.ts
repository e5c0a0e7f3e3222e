import { z } from "zod";
import { SITE_ZONE } from "../time/zone.ts";
import { externalUrlField, sitePathField, textField, titleField } from "./fields.ts";

/** A postal address, as printed in the footer and given to search engines. */
export const postalAddressSchema = z.strictObject({
  /** Street and number. */
  street: textField,
  /** City, e.g. Denver. */
  city: textField,
  /** State or region code, e.g. CO. */
  region: textField,
  /** ZIP code, quoted so that a leading zero survives. */
  postalCode: z.string().regex(/^\d{5}(?:-\d{4})?$/, "must be a US ZIP code such as \"80202\""),
  /** ISO 3166 country code, e.g. US. */
  country: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as \"US\""),
});

/** `_data/site.yaml`: who the firm is and how the site presents it. */
export const siteSchema = z.strictObject({
  /** The firm's full name. */
  name: titleField,
  /** The short name used in tight places. */
  shortName: textField,
  /** The production address, without a trailing slash; feeds and canonical links are built on it. */
  url: externalUrlField.transform((url) => url.replace(/\/+$/, "")),
  /** One line under the name. */
  tagline: textField,
  /** The home page's meta description. */
  description: textField.max(160, "must be at most 160 characters"),
  /** The public enquiries address. */
  email: z.email("must be an email address"),
  /** The public phone number, as printed; one line (it is also a tel: link). */
  phone: z.string().regex(/^\+?[\d ().-]{7,}$/, "must be a phone number such as \"+1 303-555-0142\""),
  /** The office address. */
  address: postalAddressSchema,
  /** The zone every local date and time is read in; the code holds the same value (src/time/zone.ts). */
  timeZone: z.literal(SITE_ZONE, { message: `must be "${SITE_ZONE}" (the zone the build reads dates in, set in src/time/zone.ts)` }),
  /** The header's and footer's links, in order: each a path of this site such as "/courses/". */
  navigation: z.array(z.strictObject({ label: textField, url: sitePathField })).min(1),
  /** A session with this many free seats or fewer shows "N seats left". */
  fewSeatsLeft: z.number().int().min(1).default(3),
  /** How many of the newest published articles the Atom and JSON feeds hold; readers fetch the feeds often, so they stay small. */
  feedEntries: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100, or feed readers download megabytes every hour").default(20),
  /** Short facts for the "Did you know?" box. */
  didYouKnow: z.array(textField).min(1),
});

/** The validated site settings. */
export type Site = z.output<typeof siteSchema>;
/** A validated postal address. */
export type PostalAddress = z.output<typeof postalAddressSchema>;

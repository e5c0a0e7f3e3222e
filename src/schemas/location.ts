import { z } from "zod";
import { postalAddressSchema } from "./site.ts";
import { textField, titleField } from "./fields.ts";

/** One entry of `_data/locations.yaml`: a classroom; the map key is its id. */
export const locationSchema = postalAddressSchema.extend({
  /** The venue's name, e.g. "HSG Training Center". */
  name: titleField,
  /** How to get there by car or on foot, plain text. */
  directions: textField.optional(),
  /** Where to park and what it costs. */
  parking: textField.optional(),
  /** Buses, light rail and the nearest stops. */
  transit: textField.optional(),
  /** Step-free access, lifts, restrooms, hearing loops: what a visitor with a disability needs to know. */
  accessibility: textField.optional(),
  /** What the venue provides, one item each ("Lunch", "A workstation per student", "Wi-Fi"). */
  provided: z.array(textField).default([]),
});

/** A validated location, with the id taken from its map key. */
export type Location = z.output<typeof locationSchema> & { id: string };

import { z } from "zod";
import { postalAddressSchema } from "./site.ts";
import { textField, titleField } from "./fields.ts";

/** One entry of `_data/locations.yaml`: a classroom; the map key is its id. */
export const locationSchema = postalAddressSchema.extend({
  /** The venue's name, e.g. "HSG Training Center". */
  name: titleField,
});

/** A validated location, with the id taken from its map key. */
export type Location = z.output<typeof locationSchema> & { id: string };

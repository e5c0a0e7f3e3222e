import { z } from "zod";
import { textField, titleField } from "./fields.ts";

/** One entry of `_data/authors.yaml` or `_data/instructors.yaml`; the map key is the person's id. */
export const personSchema = z.strictObject({
  /** Full name as shown on pages. */
  name: titleField,
  /** Job title or role at the firm. */
  role: textField,
  /** Two or three sentences, plain text. */
  bio: textField,
});

/** A validated author or instructor, with the id taken from its map key. */
export type Person = z.output<typeof personSchema> & { id: string };

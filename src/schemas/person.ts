import { z } from "zod";
import { textField, titleField } from "./fields.ts";

/** One entry of `_data/authors.yaml` or `_data/instructors.yaml`; the map key is the person's id. */
export const personSchema = z
  .strictObject({
    /** Full name as shown on pages. */
    name: titleField,
    /** Job title or role at the firm. */
    role: textField,
    /** Two or three sentences, plain text. */
    bio: textField,
    /** A portrait shown on the person's page and card, cropped to a square: a JPEG, PNG or SVG in content/images/, written /images/<name>. */
    photo: textField.optional(),
    /** What the portrait shows, for readers who cannot see it; required with `photo`. `decorative` for a picture that adds nothing to the name beside it, such as a monogram. */
    photoAlt: textField.optional(),
  })
  .superRefine((person, context) => {
    if (person.photo && !person.photoAlt) context.addIssue({ code: "custom", path: ["photoAlt"], message: "is required with photo: say what the picture shows, for readers who cannot see it, or write decorative if it adds nothing to the name beside it" });
    if (person.photoAlt && !person.photo) context.addIssue({ code: "custom", path: ["photo"], message: "is missing: photoAlt describes a portrait, so name the image file too (or remove photoAlt)" });
  });

/** A validated author or instructor, with the id taken from its map key. */
export type Person = z.output<typeof personSchema> & { id: string };

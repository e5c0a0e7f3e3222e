import { z } from "zod";
import { ICON_NAMES } from "../icons/icons.ts";
import { textField, titleField } from "./fields.ts";

/** One entry of `_data/categories.yaml`: a group of courses in the directory; the map key is its id and URL slug. */
export const categorySchema = z.strictObject({
  /** The heading shown in the course directory. */
  name: titleField,
  /** One sentence under the heading. */
  description: textField,
  /** A small picture beside the name: one of book, calendar, chart, cloud, code, diagram, megaphone, people, plug, server, terminal (default: book). */
  icon: z.enum(ICON_NAMES).optional(),
});

/** A validated course category, with the id taken from its map key. */
export type Category = z.output<typeof categorySchema> & { id: string };

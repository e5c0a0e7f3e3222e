import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The schema modules' folder, relative to the project root. */
export const SCHEMA_FOLDER = path.join("src", "schemas");

/** A schema module: its path and its source text, which the field docs are read from. */
export interface SchemaFile {
  file: string;
  text: string;
}

/**
 * Every `.ts` file under `folder` (sub-folders included), in path order, with its text. Both the reader of the
 * field docs and the key of their cache take their files from here, so the key covers exactly what is read.
 */
export function readSchemaFiles(folder: string): SchemaFile[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => path.join(folder, name))
    .sort()
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

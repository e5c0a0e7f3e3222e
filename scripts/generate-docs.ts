/**
 * `npm run docs`: rewrites the field reference in docs/EDITING.md from the zod schemas and their doc comments.
 * `npm run docs -- --check` only reports whether it is stale (the docs test does the same).
 */
import { readFile, writeFile } from "node:fs/promises";
import { fieldReference, withReference } from "../src/cms/field-reference.ts";
import { readSchemaSources } from "../src/cms/schema-docs.ts";
import { SCHEMA_FOLDER } from "../src/cms/schema-files.ts";

const EDITING_GUIDE = "docs/EDITING.md";

const current = await readFile(EDITING_GUIDE, "utf8");
const updated = withReference(current, fieldReference(readSchemaSources(SCHEMA_FOLDER)));
if (process.argv.includes("--check")) {
  if (updated !== current) {
    console.error(`${EDITING_GUIDE}: the field reference is stale; run npm run docs`);
    process.exitCode = 1;
  } else console.log(`${EDITING_GUIDE}: the field reference matches the schemas`);
} else if (updated !== current) {
  await writeFile(EDITING_GUIDE, updated);
  console.log(`${EDITING_GUIDE}: field reference updated`);
} else console.log(`${EDITING_GUIDE}: already up to date`);

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldReference, REFERENCE_END, REFERENCE_START, withReference } from "../../src/cms/field-reference.ts";
import { CONTENT_TYPES } from "../../src/cms/content-types.ts";
import { readSchemaSources, SCHEMA_FOLDER } from "../../src/cms/schema-docs.ts";

const guide = readFileSync("docs/EDITING.md", "utf8");
const reference = guide.slice(guide.indexOf(REFERENCE_START), guide.indexOf(REFERENCE_END));

/** The field names of an object schema, in order. */
const fieldsOf = (schema: unknown) => Object.keys((schema as { shape: Record<string, unknown> }).shape);

describe("docs/EDITING.md", () => {
  it("holds the field reference the schemas generate today (run `npm run docs` when this fails)", () => {
    expect(withReference(guide, fieldReference(readSchemaSources(SCHEMA_FOLDER)))).toBe(guide);
  });

  it("documents every field of every content type, with the field's doc comment", () => {
    const sources = readSchemaSources(SCHEMA_FOLDER);
    for (const type of CONTENT_TYPES) {
      expect(reference, type.id).toContain(`### ${type.label}`);
      for (const field of fieldsOf(type.schema)) {
        expect(reference, `${type.id}.${field}`).toContain(`| \`${field}\` |`);
        const doc = sources.get(type.schemaName)?.[field]?.doc;
        expect(doc, `${type.schemaName}.${field} has a doc comment`).toBeTruthy();
        expect(reference).toContain(doc!.replace(/\|/g, "\\|"));
      }
    }
  });

  it("reads the doc comments of a schema module it has never seen", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const folder = await mkdtemp(path.join(os.tmpdir(), "hsg-schemas-"));
    try {
      await writeFile(
        path.join(folder, "thing.ts"),
        `import { z } from "zod";\nexport const baseSchema = z.strictObject({\n  /** Inherited. */\n  a: z.string(),\n});\nexport const thingSchema = baseSchema.extend({\n  /** Its colour,\n   * on two lines. */\n  colour: textField.optional(),\n  list: z.array(z.strictObject({\n    /** Inner. */\n    inner: z.string(),\n  })),\n});\n`,
      );
      const sources = readSchemaSources(folder);
      expect(sources.get("thingSchema")).toEqual({
        a: { doc: "Inherited.", fields: {} },
        colour: { doc: "Its colour, on two lines.", helper: "textField", fields: {} },
        list: { doc: "", fields: { inner: { doc: "Inner.", fields: {} } } },
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("covers each task an editor asked about, and every kind of content", () => {
    for (const task of ["Publish an article with an image", "Schedule an article", "Preview a draft", "Add a course", "Add a class", "Cancel or postpone a class", "Change a price", "Run a promotion", "Move a page and keep its old address"]) {
      expect(guide).toContain(`### ${task}`);
    }
    for (const word of ["Promotions", "Instructors", "Authors", "Locations", "Categories", "Consulting services", "redirects", "Did you know?"]) expect(guide).toContain(word);
  });
});

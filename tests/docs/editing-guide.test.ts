import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldReference, REFERENCE_END, REFERENCE_START, withReference } from "../../src/cms/field-reference.ts";
import { CONTENT_TYPES } from "../../src/cms/content-types.ts";
import { readSchemaSources } from "../../src/cms/schema-docs.ts";
import { SCHEMA_FOLDER } from "../../src/cms/schema-files.ts";

const guide = readFileSync("docs/EDITING.md", "utf8");
const reference = guide.slice(guide.indexOf(REFERENCE_START), guide.indexOf(REFERENCE_END));

/** The field names of an object schema, in order. */
const fieldsOf = (schema: unknown) => Object.keys((schema as { shape: Record<string, unknown> }).shape);

describe("docs/EDITING.md", () => {
  it("holds the field reference the schemas generate today (run `npm run docs` when this fails)", () => {
    expect(withReference(guide, fieldReference(readSchemaSources(SCHEMA_FOLDER)))).toBe(guide);
  });

  it("gives every field of every content type a doc comment, shown in the guide's reference", () => {
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

  it("leads an editor only to what exists: each task's section, in-page links, npm commands, content files", () => {
    const headings = [...guide.matchAll(/^#{2,4} (.+)$/gm)].map((match) => match[1]!.trim());
    for (const task of ["Publish an article with an image", "Schedule an article", "Preview a draft", "Add a course", "Add a class", "Cancel or postpone a class", "Change a price", "Run a promotion", "Move a page and keep its old address"]) {
      expect(headings).toContain(task);
    }
    // GitHub's anchors: lowercase, punctuation dropped, spaces as hyphens.
    const anchors = new Set(headings.map((heading) => heading.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, "").replace(/ /g, "-")));
    for (const [, anchor] of guide.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, `#${anchor}`).toContain(anchor);
    const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
    for (const [, script] of guide.matchAll(/`npm run ([\w:-]+)/g)) expect(scripts, `npm run ${script}`).toContain(script);
    // Paths with a placeholder (`<id>`) stand for a file the editor makes.
    for (const [, file] of guide.matchAll(/`((?:_data|content)\/[^`<>*\s]*)`/g)) expect(existsSync(file!), file).toBe(true);
  });
});

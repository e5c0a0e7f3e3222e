import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ZodType } from "zod";
import { CONTENT_TYPES, storagePath } from "../../src/cms/content-types.ts";
import { buildDir } from "../support/site-output.ts";

/** The configuration the December build wrote, as the CMS reads it. */
const config = parse(readFileSync(path.join(buildDir("december"), "admin/config.yml"), "utf8")) as {
  output: { yaml: { quote: string }; omit_empty_optional_fields: boolean };
  collections: Collection[];
};
interface Field {
  name: string;
  widget: string;
  required?: boolean;
  fields?: Field[];
  field?: Field;
  root?: boolean;
  type?: string;
  format?: string;
  multiple?: boolean;
}
interface Collection {
  name: string;
  folder?: string;
  files?: { file: string; fields: Field[] }[];
  fields?: Field[];
}

/** The fields an entry of a collection is edited with: a list file's items, a keyed file's first entry, or the file. */
function entryFields(collection: Collection, kind: string): Field[] {
  // An article's Markdown text is the file's body, after the front matter: the CMS adds it as a last field.
  if (collection.fields) return kind === "markdown-folder" ? collection.fields.slice(0, -1) : collection.fields;
  const fields = collection.files![0]!.fields;
  if (kind === "list" || kind === "map") return fields[0]!.fields!;
  if (kind === "pages") return fields.slice(0, -1);
  return fields;
}

/** The zod type under optional and default wrappers. */
function baseType(schema: ZodType): string {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: ZodType } } })._zod.def;
  while ((def.type === "optional" || def.type === "default") && def.innerType) def = (def.innerType as unknown as { _zod: { def: { type: string; innerType?: ZodType } } })._zod.def;
  return def.type;
}

/** What kind of widget fits a schema, found by asking the schema which values it accepts (not from src/cms). */
function expectedWidgets(schema: ZodType): string[] {
  const ok = (value: unknown) => schema.safeParse(value).success;
  if (ok(true) || ok(false)) return ["boolean"];
  if (ok(7) || ok(1)) return ["number"];
  if (ok("2027-03-15") && !ok("not a date") && !ok("2027-02-30")) return ["datetime"];
  if (baseType(schema) === "array") return ["list", "select", "relation"];
  if (baseType(schema) === "object") return ["object"];
  if (baseType(schema) === "record") return ["keyvalue"];
  return ["string", "text", "markdown", "select", "relation", "image"];
}

function shapeOf(schema: ZodType): Record<string, ZodType> {
  return (schema as unknown as { shape: Record<string, ZodType> }).shape;
}

describe("the CMS configuration generated from the schemas", () => {
  it("has one collection per content type, at the loader's paths", () => {
    expect(config.collections.map((collection) => collection.name)).toEqual(CONTENT_TYPES.map((type) => type.id));
    for (const type of CONTENT_TYPES) {
      const collection = config.collections.find((candidate) => candidate.name === type.id)!;
      const file = collection.files?.[0]?.file ?? "";
      const where = collection.folder ? `${collection.folder}/` : type.storage.kind === "pages" ? `${path.posix.dirname(file)}/` : file;
      expect(where, type.id).toBe(storagePath(type.storage));
    }
  });

  it("lists every schema field, in schema order, with a matching widget and the same required flag", () => {
    for (const type of CONTENT_TYPES) {
      const fields = entryFields(config.collections.find((collection) => collection.name === type.id)!, type.storage.kind);
      const shape = shapeOf(type.schema);
      expect(fields.map((field) => field.name), type.id).toEqual(Object.keys(shape));
      for (const field of fields) {
        const schema = shape[field.name]!;
        const required = !schema.safeParse(undefined).success;
        expect(field.required, `${type.id}.${field.name} required`).toBe(required);
        expect(expectedWidgets(schema), `${type.id}.${field.name} widget ${field.widget}`).toContain(field.widget);
      }
    }
  });

  it("stores dates in the quoted local form the loader reads, and writes every string quoted", () => {
    const dateFields = CONTENT_TYPES.flatMap((type) => entryFields(config.collections.find((collection) => collection.name === type.id)!, type.storage.kind)).filter((field) => field.widget === "datetime");
    expect(dateFields.length).toBeGreaterThan(0);
    for (const field of dateFields) expect(["YYYY-MM-DD", "YYYY-MM-DD[T]HH:mm"]).toContain(field.format);
    expect(config.output.yaml.quote).toBe("double");
    expect(config.output.omit_empty_optional_fields).toBe(true);
  });

  it("edits the fields naming a picture (lead images, portraits) with the image widget, and no other field", () => {
    const pictures = CONTENT_TYPES.flatMap((type) =>
      entryFields(config.collections.find((collection) => collection.name === type.id)!, type.storage.kind)
        .filter((field) => field.widget === "image")
        .map((field) => `${type.id}.${field.name}`),
    );
    expect(pictures.sort()).toEqual(["articles.image", "authors.photo", "instructors.photo"]);
  });

  it("edits the list files as top-level lists", () => {
    for (const type of CONTENT_TYPES.filter((candidate) => candidate.storage.kind === "list")) {
      const collection = config.collections.find((candidate) => candidate.name === type.id)!;
      expect(collection.files![0]!.fields).toHaveLength(1);
      expect(collection.files![0]!.fields[0]).toMatchObject({ widget: "list", root: true });
    }
  });
});

import matter from "gray-matter";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { cmsConfig, DATE_FORMAT, DATE_TIME_FORMAT, type CmsField } from "../../src/cms/cms-config.ts";
import { CONTENT_TYPES } from "../../src/cms/content-types.ts";
import { readSchemaSources } from "../../src/cms/schema-docs.ts";
import { SCHEMA_FOLDER } from "../../src/cms/schema-files.ts";
import { loadContent } from "../../src/content/load-content.ts";
import { createFixture, type Fixture } from "../support/content-fixture.ts";

/**
 * What Sveltia CMS 0.221 writes, reproduced with the same library and options. Its bundle (dist/sveltia-cms.js)
 * formats YAML with the `yaml` package as
 *   stringify(value, null, { indent, indentSeq, lineWidth: 0, defaultKeyType: "PLAIN",
 *     defaultStringType: quote === "double" ? "QUOTE_DOUBLE" : ..., singleQuote: !(quote === "double") }).trim()
 * and a data file as that plus "\n", a Markdown entry as `---\n${yaml}\n---\n\n${body}\n`. The bundle is a
 * browser build, so its function cannot be imported here; the browser test runs the CMS itself.
 */
function sveltiaYaml(value: unknown, options: { quote: string; indent_sequences: boolean }): string {
  const double = options.quote === "double";
  return stringify(value, null, {
    indent: 2,
    indentSeq: options.indent_sequences,
    lineWidth: 0,
    defaultKeyType: "PLAIN",
    defaultStringType: double ? "QUOTE_DOUBLE" : options.quote === "single" ? "QUOTE_SINGLE" : "PLAIN",
    singleQuote: !double,
  }).trim();
}

/** A date as the datetime widget stores it with its `format` (day.js tokens), for a day counted from a base. */
function formatDate(format: string, day: number): string {
  const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
  if (format === DATE_FORMAT) return date;
  if (format === DATE_TIME_FORMAT) return `${date}T09:00`;
  throw new Error(`unknown format ${format}`);
}

const PATTERN_SAMPLES = ["cms-sample", "80202", "US", "+1 303-555-0100"];

/**
 * Fills an entry the way an editor would through the widgets: every field the configuration lists, in its
 * order, with a value the widget accepts. Dates come out later for each later field (end after start).
 */
function fillEntry(fields: readonly CmsField[], counter: { next: number }, like?: Record<string, unknown>): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  // An entry added beside others copies their first entry's values (a class must fit its course's length),
  // except ids and paths, which must be new; the order is always the configuration's.
  // Optional fields are left empty, as an editor may: several depend on one another (an early-bird date before the
  // start, a lead image with its alt text) and the schema tests cover them; every required field is written.
  for (const field of fields) {
    if (like && field.name in like && !field.pattern) entry[field.name] = like[field.name];
    else if (field.required === false) entry[field.name] = undefined;
    else entry[field.name] = fillValue(field, counter);
  }
  return entry;
}

function fillValue(field: CmsField, counter: { next: number }): unknown {
  const count = ++counter.next;
  const many = (value: unknown) => (field.multiple ? [value] : value);
  switch (field.widget) {
    case "string":
    case "text": {
      if (field.readonly) return field.default;
      const pattern = field.pattern as [string, string] | undefined;
      if (!pattern) return field.type === "email" ? "editor@example.com" : field.type === "url" ? "https://www.example.com" : `Sample text ${count}`;
      if (new RegExp(pattern[0]).test("/a/")) return `/cms-sample-${count}/`;
      const sample = PATTERN_SAMPLES.find((candidate) => new RegExp(pattern[0]).test(candidate));
      if (!sample) throw new Error(`no sample value for ${field.name} matching ${pattern[0]}`);
      return sample === "cms-sample" ? `cms-sample-${count}` : sample;
    }
    case "markdown":
      return `Sample **Markdown** ${count}.`;
    case "image":
      return undefined;
    case "datetime":
      return formatDate(String(field.format), count);
    case "number": {
      const min = typeof field.min === "number" ? field.min : 0;
      return typeof field.max === "number" ? Math.min(field.max, min + 7) : min + 7;
    }
    case "boolean":
      return false;
    case "keyvalue":
      return { [`name-${count}`]: `Sample text ${count}` };
    case "select": {
      const first = (field.options as (string | { value: string })[])[0]!;
      return many(typeof first === "string" ? first : first.value);
    }
    case "relation":
      // Two of the fixture's courses where a list is asked for: a learning path needs at least two.
      return field.multiple ? ["java-fundamentals", "advanced-java"] : "java-fundamentals";
    case "object":
      return fillEntry(field.fields as CmsField[], counter);
    case "list":
      if (field.fields) return [fillEntry(field.fields as CmsField[], counter)];
      return [fillValue({ ...(field.field as CmsField) }, counter)];
    default:
      throw new Error(`no sample for widget ${field.widget}`);
  }
}

/** An entry without the fields left empty, as `omit_empty_optional_fields` saves it. */
function withoutEmpty(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = undefined;
});

describe("what the CMS saves passes the loader unchanged", () => {
  it("accepts a new or edited entry of every content type, written as the CMS writes it", async () => {
    fixture = await createFixture();
    // The keyed files' entries, as the build reads them from the content.
    const entries = new Map<string, { id: string; label: string }[]>();
    for (const type of CONTENT_TYPES) {
      if (type.storage.kind === "map") {
        const records = parse(await fixture.read(type.storage.file)) as Record<string, { name: string }>;
        entries.set(type.id, Object.entries(records).map(([id, record]) => ({ id, label: record.name })));
      } else if (type.storage.kind === "pages") {
        const names = await readdir(path.join(fixture.root, type.storage.folder));
        entries.set(type.id, names.filter((name) => name.endsWith(".md")).map((name) => ({ id: name.slice(0, -3), label: name })));
      }
    }
    const config = cmsConfig({ sources: readSchemaSources(SCHEMA_FOLDER), mapEntries: entries, repository: "owner/name", branch: "main", siteUrl: "https://www.example.com" }) as {
      output: { yaml: { quote: string; indent_sequences: boolean } };
      collections: { name: string; fields?: CmsField[]; files?: { file: string; fields: CmsField[] }[] }[];
    };
    const yamlOptions = config.output.yaml;
    const counter = { next: 0 };
    const written: string[] = [];

    for (const type of CONTENT_TYPES) {
      const collection = config.collections.find((candidate) => candidate.name === type.id)!;
      const storage = type.storage;
      if (storage.kind === "markdown-folder") {
        const { body, ...front } = withoutEmpty(fillEntry(collection.fields!, counter));
        // The loader of this branch reads <slug>.md; the CMS writes <slug>/index.md once article folders land. Same text.
        const file = `${storage.folder}/cms-sample-article.md`;
        await fixture.write(file, `---\n${sveltiaYaml(front, yamlOptions)}\n---\n\n${String(body)}\n`);
        written.push(file);
      } else if (storage.kind === "pages") {
        // Each page is edited in place; the first is enough to show the shape.
        const page = collection.files![0]!;
        const current = matter(await fixture.read(page.file));
        const { body, ...front } = withoutEmpty(fillEntry(page.fields, counter, { ...current.data, body: current.content.trim() }));
        await fixture.write(page.file, `---\n${sveltiaYaml(front, yamlOptions)}\n---\n\n${String(body)}\n`);
        written.push(page.file);
      } else if (storage.kind === "folder") {
        const file = `${storage.folder}/cms-sample-${type.id}.yaml`;
        await fixture.write(file, `${sveltiaYaml(withoutEmpty(fillEntry(collection.fields!, counter)), yamlOptions)}\n`);
        written.push(file);
      } else {
        const file = collection.files![0]!;
        const existing = parse(await fixture.read(file.file).catch(() => "")) as unknown;
        let value: unknown;
        if (storage.kind === "list") {
          const list = (existing as Record<string, unknown>[] | null) ?? [];
          value = [...list, withoutEmpty(fillEntry(file.fields[0]!.fields as CmsField[], counter, list[0]))];
        } else if (storage.kind === "map") {
          // An existing entry edited in its group; the CMS writes the whole file back.
          value = Object.fromEntries(file.fields.map((group) => [group.name, withoutEmpty(fillEntry(group.fields as CmsField[], counter))]));
        } else {
          value = withoutEmpty(fillEntry(file.fields, counter));
        }
        await fixture.write(file.file, `${sveltiaYaml(value, yamlOptions)}\n`);
        written.push(file.file);
      }
    }

    const content = await loadContent(fixture.root);
    expect(content.articles.map((article) => article.slug)).toContain("cms-sample-article");
    expect(Object.keys(content.courses)).toContain("cms-sample-courses");
    expect(content.sessions.length).toBeGreaterThan(0);
    // Dates went through as quoted strings: the loader refuses unquoted ones.
    expect(await fixture.read("_data/schedule.yaml")).toMatch(/start: "2027-\d\d-\d\dT09:00"/);
    expect(written).toHaveLength(CONTENT_TYPES.length);
  });
});

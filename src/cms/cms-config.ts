import { SHARED_IMAGES_PREFIX } from "../images/image-options.ts";
import { CONTENT_TYPES, type ContentType } from "./content-types.ts";
import type { SchemaSources } from "./schema-docs.ts";
import { describeFields, type FieldInfo } from "./schema-fields.ts";

/** A field of the CMS configuration (Sveltia CMS reads Decap's format; see its schema/sveltia-cms.json). */
export type CmsField = Record<string, unknown> & { name: string; widget: string };

/**
 * The id and display label of each entry of a keyed YAML file (authors, instructors, locations, categories)
 * and of each page of a `pages` folder, by content type id, as the build finds them in the content.
 */
export type MapEntries = ReadonlyMap<string, readonly { id: string; label: string }[]>;

/** What the configuration depends on besides the schemas. */
export interface CmsConfigInput {
  sources: SchemaSources;
  /** The entries of every `map` content type, by content type id, read from the content at build time. */
  mapEntries: MapEntries;
  /** "owner/name" of the GitHub repository. */
  repository: string;
  branch: string;
  /** The production address, for "view on site" links. */
  siteUrl: string;
}

/** How dates and times are stored: the quoted local form the loader requires (src/schemas/fields.ts). */
export const DATE_FORMAT = "YYYY-MM-DD";
/** A local date and time in the site's zone, without an offset. */
export const DATE_TIME_FORMAT = "YYYY-MM-DD[T]HH:mm";

/** Text fields holding a picture's file name, by field name (as FIELD_REFERENCES does for ids): the same name is a picture in every schema. */
const IMAGE_FIELDS: ReadonlySet<string> = new Set(["image", "photo"]);

/** The id pattern of src/schemas/fields.ts, for slugs the CMS creates. */
const ID_PATTERN: [string, string] = ["^[a-z0-9]+(?:-[a-z0-9]+)*$", "lowercase letters, digits and single hyphens, such as java-fundamentals"];

/**
 * The CMS configuration (admin/config.yml), generated from the same schemas that validate the content, so a
 * field added to a schema appears in the editor at the next build. Output options make what the CMS saves
 * pass the loader unchanged: every YAML string double-quoted (so dates stay strings), empty optional fields
 * left out, fields in schema order.
 */
export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  return {
    backend: { name: "github", repo: input.repository, branch: input.branch, base_url: "https://api.netlify.com", auth_methods: ["oauth", "token"] },
    site_url: input.siteUrl,
    display_url: input.siteUrl,
    // Uploads outside an article go with the site's other static files; article images go beside the article.
    media_folder: "content/images",
    public_folder: SHARED_IMAGES_PREFIX.slice(0, -1),
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-", lowercase: true, trim: true },
    output: { omit_empty_optional_fields: true, yaml: { quote: "double", indent_sequences: true } },
    collections: CONTENT_TYPES.map((type) => collection(type, input)),
  };
}

function collection(type: ContentType, input: CmsConfigInput): Record<string, unknown> {
  const fields = describeFields(type.schema, input.sources.get(type.schemaName) ?? {}, input.sources).map((field) => widget(field, input));
  const common = { name: type.id, label: type.label, label_singular: type.singular, description: type.purpose };
  const storage = type.storage;
  switch (storage.kind) {
    case "markdown-folder":
      return {
        ...common,
        folder: storage.folder,
        // Each article is a folder holding index.md and its images, so an article and its pictures move together.
        path: "{{slug}}/index",
        media_folder: "",
        public_folder: "",
        extension: "md",
        format: "frontmatter",
        create: true,
        identifier_field: "title",
        slug: { template: "{{slug}}", editable: ["create"], pattern: ID_PATTERN },
        summary: "{{title}} ({{date}})",
        sortable_fields: ["date", "title"],
        fields: [...fields, { name: "body", label: "Text", widget: "markdown", hint: "The article in Markdown. Start headings at level 2 (##): the page supplies the title." }],
      };
    case "folder":
      return {
        ...common,
        folder: storage.folder,
        extension: "yaml",
        format: "yaml",
        create: true,
        identifier_field: "title",
        slug: { template: "{{slug}}", editable: ["create"], pattern: ID_PATTERN },
        fields,
      };
    case "list":
      // A top-level list (the file is a YAML list, not a map): Sveltia's root list.
      return { ...common, files: [yamlFile(type, storage.file, [{ name: type.id, label: type.label, label_singular: type.singular, widget: "list", root: true, required: false, fields }])] };
    case "map":
      // Neither CMS edits maps with free keys, so each existing entry is a group; new ids are added in the file.
      return {
        ...common,
        files: [yamlFile(type, storage.file, (input.mapEntries.get(type.id) ?? []).map((entry) => ({ name: entry.id, label: entry.label, widget: "object", collapsed: true, fields })))],
      };
    case "single":
      return { ...common, files: [yamlFile(type, storage.file, fields)] };
    case "pages":
      return {
        ...common,
        files: (input.mapEntries.get(type.id) ?? []).map((entry) => ({
          name: entry.id,
          label: entry.label,
          file: `${storage.folder}/${entry.id}.md`,
          format: "frontmatter",
          fields: [...fields, { name: "body", label: "Text", widget: "markdown", required: true, hint: "The page's main text, in Markdown." }],
        })),
      };
  }
}

/** One YAML file of a file collection, named after its content type. */
function yamlFile(type: ContentType, file: string, fields: readonly unknown[]): Record<string, unknown> {
  return { name: type.id, label: type.label, file, format: "yaml", fields };
}

/** The CMS widget for a field, carrying its required flag, default, limits and hint. */
export function widget(field: FieldInfo, input: Pick<CmsConfigInput, "mapEntries">): CmsField {
  const base: CmsField = { name: field.name, label: labelOf(field.name), widget: "string", required: field.required, ...(field.doc ? { hint: field.doc } : {}) };
  // Empty lists and maps are left out: the CMS starts them empty anyway.
  const withDefault = (value: unknown) => (value !== undefined && !(typeof value === "object" && value !== null && Object.keys(value).length === 0) ? { default: value } : {});
  switch (field.kind) {
    case "text": {
      // A field named "image" or "photo" holds a picture's file name: the image widget uploads it beside the entry.
      if (IMAGE_FIELDS.has(field.name)) return { ...base, widget: "image" };
      return {
        ...base,
        widget: field.max !== undefined && field.max > 120 ? "text" : "string",
        ...(field.max !== undefined ? { maxlength: field.max } : {}),
        ...(field.pattern ? { pattern: [field.pattern.source, field.pattern.message] } : field.format === "id" ? { pattern: ID_PATTERN } : {}),
        ...(field.format === "email" ? { type: "email" } : field.format === "url" ? { type: "url" } : {}),
        ...withDefault(field.defaultValue),
      };
    }
    case "markdown":
      return { ...base, widget: "markdown" };
    case "date":
      return { ...base, widget: "datetime", type: "date", format: DATE_FORMAT, picker_utc: false };
    case "datetime":
      return { ...base, widget: "datetime", type: "datetime-local", format: DATE_TIME_FORMAT, picker_utc: false };
    case "number":
      return {
        ...base,
        widget: "number",
        value_type: field.integer ? "int" : "float",
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...withDefault(field.defaultValue),
      };
    case "boolean":
      return { ...base, widget: "boolean", ...withDefault(field.defaultValue ?? false) };
    case "choice":
      return { ...base, widget: "select", options: [...(field.options ?? [])], multiple: field.multiple ?? false, ...counts(field), ...withDefault(field.defaultValue) };
    case "fixed":
      return { ...base, widget: "string", readonly: true, default: field.options?.[0] };
    case "reference":
      return reference(field, base, input.mapEntries);
    case "object":
      return { ...base, widget: "object", fields: (field.fields ?? []).map((child) => widget(child, input)) };
    case "pairs":
      // Named passages (a record): the key-value widget edits names and texts as pairs.
      return { ...base, widget: "keyvalue", key_label: "Name", value_label: field.value?.kind === "markdown" ? "Text (Markdown)" : "Text", ...withDefault(field.defaultValue) };
    case "list":
      if (field.fields) return { ...base, widget: "list", fields: field.fields.map((child) => widget(child, input)), ...counts(field) };
      return { ...base, widget: "list", field: widget({ ...field.item!, name: "item", doc: "", required: true }, input), ...counts(field) };
  }
}

/**
 * A reference: a relation to a folder collection (its entries' file names are the ids), or, for a keyed file,
 * a choice of the ids it holds at build time, labelled with their names (a relation cannot read map keys).
 */
function reference(field: FieldInfo, base: CmsField, mapEntries: MapEntries): CmsField {
  const target = CONTENT_TYPES.find((type) => type.id === field.references);
  if (!target) throw new Error(`field "${field.name}" refers to unknown content type "${field.references}"`);
  const many = field.multiple ? { multiple: true, ...counts(field) } : {};
  if (target.storage.kind === "folder" || target.storage.kind === "markdown-folder") {
    return { ...base, widget: "relation", collection: target.id, value_field: "{{slug}}", search_fields: ["title"], display_fields: ["title"], ...many };
  }
  const options = (mapEntries.get(target.id) ?? []).map((entry) => ({ label: entry.label, value: entry.id }));
  return { ...base, widget: "select", options, ...many };
}

function counts(field: FieldInfo): Record<string, number> {
  return { ...(field.min ? { min: field.min } : {}), ...(field.max !== undefined && field.kind !== "text" ? { max: field.max } : {}) };
}

/** "relatedCourses" -> "Related courses". */
function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/ usd$/, " in US dollars");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

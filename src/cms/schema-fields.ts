import type { ZodType } from "zod";
import { dateOnlyField, dateTimeField, idField } from "../schemas/fields.ts";
import type { FieldSource } from "./schema-docs.ts";

/** What kind of value a field holds, as an editor would choose it. */
export type FieldKind = "text" | "markdown" | "date" | "datetime" | "number" | "boolean" | "choice" | "reference" | "list" | "object" | "fixed" | "pairs";

/** One field of a content type, worked out from its zod schema and its doc comment. */
export interface FieldInfo {
  name: string;
  /** The doc comment of the field in its schema. */
  doc: string;
  kind: FieldKind;
  /** Whether a value must be written: false for optional fields and for fields with a default. */
  required: boolean;
  /** The value used when the field is left out. */
  defaultValue?: unknown;
  /** The allowed values of a choice (one or several) or a fixed field. */
  options?: readonly string[];
  /** A choice or reference holding a list of values. */
  multiple?: boolean;
  /** The content type a reference points at (see FIELD_REFERENCES). */
  references?: string;
  /** For a text field: the id shape, an email or web address, or another pattern. */
  pattern?: { source: string; message: string };
  format?: "id" | "email" | "url";
  /** Text length or number range, or the number of items of a list. */
  min?: number;
  max?: number;
  /** A number that must be whole. */
  integer?: boolean;
  /** A list of single values: what each item is. */
  item?: FieldInfo;
  /** Named pairs (a record): what each value is; the names are ids. */
  value?: FieldInfo;
  /** An object, or a list of objects: their fields, in schema order. */
  fields?: FieldInfo[];
}

/**
 * Fields holding ids of other content, by field name: the same names mean the same thing in every schema
 * (cross-check.ts checks them against these content types). A new id field with one of these names is a
 * reference everywhere at once.
 */
export const FIELD_REFERENCES: Readonly<Record<string, string>> = {
  course: "courses",
  courses: "courses",
  relatedCourses: "courses",
  instructor: "instructors",
  location: "locations",
  author: "authors",
  category: "categories",
};

interface ZodInternals {
  _zod: { def: ZodDef };
}
interface ZodDef {
  type: string;
  innerType?: ZodType;
  defaultValue?: unknown;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  in?: ZodType;
  entries?: Record<string, string>;
  valueType?: ZodType;
  values?: unknown[];
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue?: unknown) => unknown;
}

const def = (schema: ZodType): ZodDef => (schema as unknown as ZodInternals)._zod.def;

/** The fields of an object schema, in the schema's order, each paired with what its source says. */
export function describeFields(schema: ZodType, sources: Record<string, FieldSource>, schemaSources?: ReadonlyMap<string, Record<string, FieldSource>>): FieldInfo[] {
  const shape = def(schema).shape;
  if (!shape) throw new Error("describeFields needs an object schema");
  return Object.entries(shape).map(([name, field]) => describeField(name, field, sources[name], schemaSources));
}

function describeField(name: string, schema: ZodType, source: FieldSource | undefined, schemaSources?: ReadonlyMap<string, Record<string, FieldSource>>): FieldInfo {
  let required = true;
  let defaultValue: unknown;
  let current = schema;
  for (;;) {
    const { type, innerType } = def(current);
    if (type === "optional" && innerType) required = false;
    else if (type === "default" && innerType) {
      required = false;
      defaultValue = def(current).defaultValue;
    } else break;
    current = innerType;
  }
  // Sub-fields are documented inline, or by the schema the field names (address: postalAddressSchema).
  const subSources = source && Object.keys(source.fields).length > 0 ? source.fields : (source?.helper && schemaSources?.get(source.helper)) || {};
  const base: FieldInfo = { name, doc: source?.doc ?? "", kind: "text", required, ...(defaultValue !== undefined ? { defaultValue } : {}) };
  return { ...base, ...describeValue(name, current, source, subSources, schemaSources) };
}

function describeValue(
  name: string,
  schema: ZodType,
  source: FieldSource | undefined,
  subSources: Record<string, FieldSource>,
  schemaSources?: ReadonlyMap<string, Record<string, FieldSource>>,
): Omit<FieldInfo, "name" | "doc" | "required"> {
  if (schema === dateOnlyField) return { kind: "date" };
  if (schema === dateTimeField) return { kind: "datetime" };
  const zod = def(schema);
  const checks = (zod.checks ?? []).map((check) => check._zod.def);
  switch (zod.type) {
    case "boolean":
      return { kind: "boolean" };
    case "number": {
      const integer = checks.some((check) => check.format === "safeint" || check.format === "int32");
      const min = checks.find((check) => check.check === "greater_than");
      const max = checks.find((check) => check.check === "less_than");
      return {
        kind: "number",
        integer,
        ...(min?.value !== undefined ? { min: min.inclusive ? min.value : min.value + (integer ? 1 : 0) } : {}),
        ...(max?.value !== undefined ? { max: max.inclusive ? max.value : max.value - (integer ? 1 : 0) } : {}),
      };
    }
    case "enum":
      return { kind: "choice", options: Object.values(zod.entries ?? {}) };
    case "literal":
      return { kind: "fixed", options: (zod.values ?? []).map(String) };
    case "pipe":
      // A transform after a parse, such as the site's url: edited as what it parses.
      return zod.in ? describeValue(name, zod.in, source, subSources, schemaSources) : { kind: "text" };
    case "object":
      return { kind: "object", fields: describeFields(schema, subSources, schemaSources) };
    case "record": {
      // The value's helper (markdownField) is read from the record call's arguments in the source.
      const valueSource = source?.helper === undefined && source ? { doc: "", fields: {}, ...(source.valueHelper ? { helper: source.valueHelper } : {}) } : undefined;
      return { kind: "pairs", value: { ...describeField(name, zod.valueType!, valueSource, schemaSources), name: "value" } };
    }
    case "array": {
      const minItems = checks.find((check) => check.check === "min_length")?.minimum;
      const maxItems = checks.find((check) => check.check === "max_length")?.maximum;
      const counts = { ...(minItems !== undefined ? { min: minItems } : {}), ...(maxItems !== undefined ? { max: maxItems } : {}) };
      // The item is described under the list's name, so that relatedCourses' items are course references.
      const item = { ...describeField(name, zod.element!, { doc: "", fields: subSources }, schemaSources), name: "item" };
      if (item.kind === "reference" || item.kind === "choice") {
        return { kind: item.kind, multiple: true, ...(item.references ? { references: item.references } : {}), ...(item.options ? { options: item.options } : {}), ...counts };
      }
      if (item.kind === "object") return { kind: "list", fields: item.fields, ...counts };
      return { kind: "list", item, ...counts };
    }
    case "string": {
      const isId = schema === idField || checks.some((check) => check.pattern?.source === def(idField).checks?.[0]?._zod.def.pattern?.source);
      if (isId && FIELD_REFERENCES[name]) return { kind: "reference", references: FIELD_REFERENCES[name] };
      const text: Omit<FieldInfo, "name" | "doc" | "required"> = { kind: source?.helper === "markdownField" ? "markdown" : "text" };
      for (const check of checks) {
        if (check.check === "min_length" && check.minimum !== undefined) text.min = check.minimum;
        if (check.check === "max_length" && check.maximum !== undefined) text.max = check.maximum;
        if (check.check === "string_format" && check.format === "regex" && check.pattern) text.pattern = { source: check.pattern.source, message: messageOf(check) };
        if (check.check === "string_format" && (check.format === "email" || check.format === "url")) text.format = check.format;
      }
      if (zod.format === "email" || zod.format === "url") text.format = zod.format;
      if (isId) text.format = "id";
      return text;
    }
    default:
      throw new Error(`field "${name}": no editor for zod type "${zod.type}"; teach src/cms/schema-fields.ts about it`);
  }
}

/** The message a failed check reports, as the loader would print it. */
function messageOf(check: CheckDef): string {
  const result = check.error?.({});
  if (typeof result === "string") return result;
  if (result && typeof result === "object" && "message" in result && typeof result.message === "string") return result.message;
  return "has the wrong form";
}

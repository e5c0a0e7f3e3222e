import type { ZodType, core } from "zod";
import { closestMatch, didYouMean } from "./suggest.ts";

type ZodIssue = core.$ZodIssue;

/** The internals of a zod schema this module reads: its kind and the parts it is made of. */
interface SchemaDefinition {
  type: string;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  in?: ZodType;
  valueType?: ZodType;
  options?: ZodType[];
  getter?: () => ZodType;
  entries?: Record<string, string | number>;
}

const definitionOf = (schema: ZodType): SchemaDefinition => (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;

/** The schema with its wrappers (optional, default, a transform's input...) taken off: the shape an editor writes. */
function unwrap(schema: ZodType): ZodType {
  for (let current = schema, depth = 0; depth < 20; depth++) {
    const definition = definitionOf(current);
    const inner = definition.innerType ?? definition.in ?? definition.getter?.();
    if (!inner) return current;
    current = inner;
  }
  return schema;
}

/** The schema of the field at `path` inside `schema`, or undefined where the path leaves what the schema describes. */
export function schemaAt(schema: ZodType, path: readonly PropertyKey[]): ZodType | undefined {
  let current: ZodType | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    const definition = definitionOf(unwrap(current));
    if (definition.type === "object") current = definition.shape?.[String(key)];
    else if (definition.type === "array") current = definition.element;
    else if (definition.type === "record") current = definition.valueType;
    else return undefined;
  }
  return current && unwrap(current);
}

/** The field names of an object schema, those an editor must give first: what "fields such as" names. */
export function fieldNamesOf(schema: ZodType | undefined): string[] {
  if (!schema) return [];
  const definition = definitionOf(unwrap(schema));
  if (definition.type !== "object" || !definition.shape) return [];
  const entries = Object.entries(definition.shape);
  const required = (field: ZodType) => (field as unknown as { _zod: { optin?: string } })._zod.optin !== "optional";
  return [...entries.filter(([, field]) => required(field)), ...entries.filter(([, field]) => !required(field))].map(([name]) => name);
}

/** "title: and topics:", the first few fields of an object schema as an editor writes them. */
function fieldsSuchAs(schema: ZodType | undefined): string {
  const names = fieldNamesOf(schema).slice(0, 3).map((name) => `${name}:`);
  if (names.length === 0) return "name: value";
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** What one item of a list schema is, in an editor's words. */
function itemsOf(list: ZodType | undefined): string {
  const element = list && definitionOf(unwrap(list)).element;
  if (!element) return "items";
  const definition = definitionOf(unwrap(element));
  if (definition.type === "object") return `entries with fields such as ${fieldsSuchAs(element)}`;
  if (definition.type === "enum" && definition.entries) return `values such as ${Object.values(definition.entries).slice(0, 3).join(", ")}`;
  return "values";
}

/** Something an editor wrote as a number with a currency sign or thousands separators: "$1,200", "1,200", "1 200". */
const FORMATTED_NUMBER = /^\s*\$?\s*\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?\s*$|^\s*\$\s*\d+(?:\.\d+)?\s*$/;

/** What the editor wrote, as it would read in a message: text as written, a list or a map by what it is. */
function writtenKind(written: unknown): string {
  if (Array.isArray(written)) return "a list";
  if (written instanceof Date) return "an unquoted date";
  if (written === null) return "nothing";
  // A !!binary tag makes bytes: name the tag, the one thing the editor can remove.
  if (written instanceof Uint8Array) return "bytes: remove the !!binary before the value";
  if (typeof written === "object") return "fields";
  if (typeof written === "string") return "text";
  if (typeof written === "boolean") return written ? "true" : "false";
  return String(written);
}

/**
 * A schema issue in an editor's words, saying the fix: never a word of the implementation (zod's type names,
 * "received", "object", "array"). `schema` is the whole schema validated and `path` the issue's path inside it,
 * so a message can name the fields or the items that belong there.
 */
export function describeIssue(issue: ZodIssue, written: unknown, schema: ZodType, path: readonly PropertyKey[]): string {
  const field = String(path.at(-1) ?? "");
  if (issue.code === "invalid_type") {
    if (written === undefined) return "is required";
    if (written === null) return "is empty: give a value, or delete the line";
    switch (issue.expected) {
      case "number":
      case "int":
      case "bigint": {
        if (typeof written === "string" && FORMATTED_NUMBER.test(written)) {
          const plain = written.replace(/[$,\s]/g, "");
          return /price/i.test(field) ? `write the price as a number without $ or commas: ${plain}` : `write the number without $, commas or spaces: ${plain}`;
        }
        if (issue.expected === "int" || typeof written === "number") return "must be a whole number, such as 12";
        return typeof written === "string" ? `must be a number such as 12, not "${written}"` : `must be a number such as 12, not ${writtenKind(written)}`;
      }
      case "boolean":
        return `must be true or false, without quotes, not ${typeof written === "string" ? `"${written}"` : writtenKind(written)}`;
      case "string":
        if (written instanceof Date) return "must be text in quotes: the unquoted date is read as a date";
        if (Array.isArray(written) || typeof written === "object") return `must be one line of text here, not ${writtenKind(written)}`;
        return `must be text: put ${String(written)} in quotes`;
      case "array":
        return `expected a list of ${itemsOf(schemaAt(schema, path))}, one "- " per item`;
      case "object":
      case "record":
      case "map": {
        const fields = fieldsSuchAs(schemaAt(schema, path));
        if (Array.isArray(written)) return `expected fields such as ${fields} here, not a list: remove the "- " before them`;
        return `expected fields such as ${fields}, each on its own line below ${field ? `${field}:` : "this one"}, indented`;
      }
      default:
        return `cannot be ${writtenKind(written)} here`;
    }
  }
  if (issue.code === "invalid_value" && isDefaultMessage(issue)) {
    const allowed = issue.values.map((value) => JSON.stringify(value)).join(", ");
    if (issue.values.length === 1) return `must be ${allowed}`;
    const options = issue.values.filter((value): value is string => typeof value === "string");
    // zod's own wording lists the values but not what was written, and cannot guess a misspelling.
    if (typeof written !== "string") return `must be one of ${allowed}`;
    return `"${written}" is not one of ${allowed}${didYouMean(written, options)}`;
  }
  // The schemas' own messages ("must be at most 200 characters") are already written for editors.
  if (!isDefaultMessage(issue)) return issue.message;
  if (issue.code === "too_small" || issue.code === "too_big") {
    const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
    const [least, most] = issue.code === "too_small" ? ["at least", "more than"] : ["at most", "less than"];
    const limit = issue.inclusive ? `${least} ${bound}` : `${most} ${bound}`;
    if (issue.origin === "string") return `must be ${limit} characters long`;
    if (issue.origin === "array" || issue.origin === "set") return `must have ${limit} ${bound === 1 ? "item" : "items"}`;
    return `must be ${limit}`;
  }
  if (issue.code === "invalid_format") {
    if (issue.format === "email") return "must be an email address, such as info@example.com";
    if (issue.format === "url") return "must be a web address starting with https://";
    return "is not written in the form this field takes: see docs/EDITING.md";
  }
  if (issue.code === "not_multiple_of") return `must be a multiple of ${String(issue.divisor)}`;
  return "is not written in a form this field takes: see docs/EDITING.md";
}

/** Whether an issue carries zod's default wording rather than a message a schema gave. */
function isDefaultMessage(issue: ZodIssue): boolean {
  return /^(Invalid|Too small|Too big|Unrecognized)/.test(issue.message);
}

/** "unknown field seat: did you mean seats?", for a key the schema at `path` does not have. */
export function unknownFieldMessage(key: string, schema: ZodType, path: readonly PropertyKey[]): string {
  const known = fieldNamesOf(schemaAt(schema, path));
  const intended = intendedField(key, schema, path);
  if (intended) return `unknown field ${key}: did you mean ${intended}?`;
  return known.length > 0 ? `unknown field ${key}: the fields here are ${known.join(", ")}` : `unknown field ${key}`;
}

/** The field an unknown key was most likely meant to be, if that field is known at `path`. */
export function intendedField(key: string, schema: ZodType, path: readonly PropertyKey[]): string | undefined {
  const match = closestMatch(key, fieldNamesOf(schemaAt(schema, path)));
  return match === key ? undefined : match;
}

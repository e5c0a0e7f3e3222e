import ts from "typescript";
import { readSchemaFiles, type SchemaFile } from "./schema-files.ts";

/** What the source of a schema says about one field: its doc comment, the shared field helper it uses, and its sub-fields. */
export interface FieldSource {
  /** The field's `/** *\/` comment, as one line of text; empty when it has none. */
  doc: string;
  /** The shared helper the field is built from (e.g. "markdownField"), when it starts with one. */
  helper?: string;
  /** For a record (`z.record(key, value)`): the helper its values are built from. */
  valueHelper?: string;
  /** Sub-fields of an object (or of the objects in a list) written inline in the schema. */
  fields: Record<string, FieldSource>;
}

/** The fields of every exported schema, by export name (e.g. "courseSchema"). */
export type SchemaSources = Map<string, Record<string, FieldSource>>;

/** Zod calls whose first argument is an object literal of fields. */
const SHAPE_CALLS = new Set(["object", "strictObject", "looseObject", "extend"]);

/**
 * Reads the doc comments of schema fields straight from the schema modules with the TypeScript compiler API.
 * The comments stay where developers read them, and the editors' guide and the CMS hints cannot drift from
 * them; schema files need no extra `.describe()` calls. `.extend()` inherits its base schema's comments.
 */
export function readSchemaSources(folder: string): SchemaSources {
  return schemaSourcesOf(readSchemaFiles(folder));
}

/** The fields of every exported schema in `files` (see readSchemaSources). */
export function schemaSourcesOf(files: readonly SchemaFile[]): SchemaSources {
  const pending = new Map<string, { own: ts.ObjectLiteralExpression | undefined; base: string | undefined }>();
  for (const { file, text } of files) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const shape = findShape(declaration.initializer);
        if (shape) pending.set(declaration.name.text, shape);
      }
    }
  }
  const resolved: SchemaSources = new Map();
  const resolve = (name: string, seen: Set<string>): Record<string, FieldSource> => {
    const known = resolved.get(name);
    if (known) return known;
    const shape = pending.get(name);
    if (!shape || seen.has(name)) return {};
    seen.add(name);
    const fields = { ...(shape.base ? resolve(shape.base, seen) : {}), ...(shape.own ? readFields(shape.own) : {}) };
    resolved.set(name, fields);
    return fields;
  };
  for (const name of pending.keys()) resolve(name, new Set());
  return resolved;
}

/** The outermost object-literal shape in an expression, and the schema it extends, if any. */
function findShape(expression: ts.Expression): { own: ts.ObjectLiteralExpression | undefined; base: string | undefined } | undefined {
  let found: { own: ts.ObjectLiteralExpression | undefined; base: string | undefined } | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SHAPE_CALLS.has(node.expression.name.text)) {
      const argument = node.arguments[0];
      if (argument && ts.isObjectLiteralExpression(argument)) {
        const receiver = node.expression.expression;
        const base = node.expression.name.text === "extend" && ts.isIdentifier(receiver) ? receiver.text : undefined;
        found = { own: argument, base };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function readFields(shape: ts.ObjectLiteralExpression): Record<string, FieldSource> {
  const fields: Record<string, FieldSource> = {};
  for (const property of shape.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (!name) continue;
    const inner = findShape(property.initializer);
    fields[name] = {
      doc: docOf(property),
      ...optionalHelper(property.initializer),
      ...recordValueHelper(property.initializer),
      fields: inner?.own ? readFields(inner.own) : {},
    };
  }
  return fields;
}

function docOf(node: ts.Node): string {
  const text = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? "")
    .join(" ");
  return text.replace(/\s+/g, " ").trim();
}

/** The identifier an initializer starts from, unless it is zod itself: `dateTimeField.optional()` gives "dateTimeField". */
function optionalHelper(expression: ts.Expression): { helper?: string } {
  let node: ts.Expression = expression;
  while (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) node = node.expression;
  return ts.isIdentifier(node) && node.text !== "z" ? { helper: node.text } : {};
}

/** The helper of a record's values: `z.record(idField, markdownField)` gives "markdownField". */
function recordValueHelper(expression: ts.Expression): { valueHelper?: string } {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "record") {
      const value = node.arguments[1];
      if (value) found = optionalHelper(value).helper;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found ? { valueHelper: found } : {};
}

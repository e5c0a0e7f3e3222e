import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion, readManifest, sha256, writeManifest } from "../images/output-cache.ts";
import type { FieldSource, SchemaSources } from "./schema-docs.ts";
import { readSchemaFiles } from "./schema-files.ts";

/** The reader whose output is cached: a change to it is a change of key. */
const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), "schema-docs.ts");

/**
 * The key of the field docs of these schema files: their paths and texts, the reader's source and the TypeScript
 * version that parses them, which is everything readSchemaSources reads.
 */
export function schemaSourcesKey(files: readonly { file: string; text: string }[]): string {
  return sha256([codeVersion(READER, ["typescript"]), ...files.flatMap(({ file, text }) => [file, text])].join("\0"));
}

/**
 * The field docs of the schemas in `folder` (readSchemaSources), kept in `cacheFolder` under the key of their
 * inputs. Importing the TypeScript compiler cost every build about 1.2 CPU-seconds for 0.16 of parsing; it is
 * loaded only when the schema files, the reader or TypeScript changed. The manifest is sealed and names its key,
 * so a damaged or foreign one is a miss, never a wrong hint in the CMS.
 */
export async function cachedSchemaSources(folder: string, cacheFolder: string): Promise<SchemaSources> {
  const files = readSchemaFiles(folder);
  const key = schemaSourcesKey(files);
  const manifest = path.join(cacheFolder, "schema-docs.json");
  const stored = await readManifest(manifest, key);
  if (Array.isArray(stored)) return new Map(stored as [string, Record<string, FieldSource>][]);
  const { schemaSourcesOf } = await import("./schema-docs.ts");
  const sources = schemaSourcesOf(files);
  await writeManifest(manifest, key, [...sources]);
  return sources;
}

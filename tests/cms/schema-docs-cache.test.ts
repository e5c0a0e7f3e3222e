import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSchemaSources } from "../../src/cms/schema-docs.ts";
import { cachedSchemaSources, schemaSourcesKey } from "../../src/cms/schema-docs-cache.ts";
import { readSchemaFiles, SCHEMA_FOLDER } from "../../src/cms/schema-files.ts";
import { writeManifest } from "../../src/images/output-cache.ts";

/** A copy of the project's schema modules and an empty cache folder, so the test may edit both. */
function scratch(): { schemas: string; cache: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "hsg-schema-docs-"));
  const schemas = path.join(root, "schemas");
  cpSync(SCHEMA_FOLDER, schemas, { recursive: true });
  return { schemas, cache: path.join(root, "cache") };
}

const manifestIn = (cache: string) => path.join(cache, "schema-docs.json");

describe("the field docs kept between builds", () => {
  it("gives what reading the schemas with TypeScript gives, before and after it is stored", async () => {
    const { schemas, cache } = scratch();
    const fresh = readSchemaSources(schemas);
    expect(fresh.get("policyClauseSchema")?.title?.doc).toBe('The clause\'s heading, e.g. "Cancellation by you".');
    expect(await cachedSchemaSources(schemas, cache)).toEqual(fresh);
    expect(await cachedSchemaSources(schemas, cache)).toEqual(fresh);
  });

  it("answers a later build from the stored docs, without reading the schemas again", async () => {
    const { schemas, cache } = scratch();
    await cachedSchemaSources(schemas, cache);
    // Stored under the same key, a different answer can only come back if the cache is what answers.
    const key = schemaSourcesKey(readSchemaFiles(schemas));
    await writeManifest(manifestIn(cache), key, [["policyClauseSchema", { title: { doc: "from the cache", fields: {} } }]]);
    expect((await cachedSchemaSources(schemas, cache)).get("policyClauseSchema")?.title?.doc).toBe("from the cache");
  });

  it("reads the schemas again when a field's comment changes, and when a schema file is added", async () => {
    const { schemas, cache } = scratch();
    await cachedSchemaSources(schemas, cache);
    const policy = path.join(schemas, "policy.ts");
    writeFileSync(policy, readFileSync(policy, "utf8").replace("The clause's heading", "The heading of the clause"));
    expect((await cachedSchemaSources(schemas, cache)).get("policyClauseSchema")?.title?.doc).toBe('The heading of the clause, e.g. "Cancellation by you".');
    writeFileSync(path.join(schemas, "extra.ts"), 'import { z } from "zod";\nexport const extraSchema = z.object({\n  /** A field added later. */\n  added: z.string(),\n});\n');
    expect((await cachedSchemaSources(schemas, cache)).get("extraSchema")?.added?.doc).toBe("A field added later.");
  });

  it("reads the schemas again when the stored docs are damaged", async () => {
    const { schemas, cache } = scratch();
    const fresh = await cachedSchemaSources(schemas, cache);
    const bytes = readFileSync(manifestIn(cache));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 20) ^ 0x20, bytes.length - 20);
    writeFileSync(manifestIn(cache), bytes);
    expect(await cachedSchemaSources(schemas, cache)).toEqual(fresh);
  });
});

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copySampleProject } from "../support/sample-project.ts";
import { allFiles, buildDir } from "../support/site-output.ts";

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * Pagefind's word index, filter index and metadata, whose names are hashes of their bytes. Pagefind numbers the pages
 * in the order its walk of the output lists them, and a folder's listing order belongs to the file system: a hash of
 * each name with a seed of each file system on ext4, the order of creation on tmpfs (where the test run lives, and
 * where Eleventy writes pages concurrently). Two builds on the same ext4 disk agree byte for byte; in general they
 * agree in what these files hold, not in their bytes.
 */
const SEARCH_WALK_ORDERED = /^\/pagefind\/(index\/|filter\/|pagefind\.[\w]+\.pf_meta$|pagefind-entry\.json$)/;

/** A file's path, with the hash in the name of a file SEARCH_WALK_ORDERED matches left out. */
const orderedBySearchWalk = (file: string) => (SEARCH_WALK_ORDERED.test(file) ? file.replace(/_[0-9a-f]+\.pf_/, "_#.pf_") : file);

describe("npm run build", () => {
  // The copy starts with the warm cache of the run's fixture builds: what it must reproduce byte for byte is what a
  // deploy with Netlify's kept cache publishes. (A refused build leaving _site/ alone is checked in tests/build/bad-content.test.ts.)
  it("moves a finished build into _site/ that is byte-identical to another build of the same commit and clock", async () => {
    const project = await copySampleProject();
    await mkdir(path.join(project.root, "_site"));
    await writeFile(path.join(project.root, "_site/stale.html"), "from an older build");

    // `npm run build` at the December clock, outside any deploy context.
    const result = project.build({ CONTEXT: "" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const site = path.join(project.root, "_site");
    expect(existsSync(path.join(site, "stale.html"))).toBe(false);
    // No scratch folder is left behind.
    expect((await readdir(project.root)).filter((entry) => entry.startsWith(".site-build-"))).toEqual([]);

    // The run's own December build of the same fixture was made in-process in another folder: every byte must agree,
    // but for the search index's numbering (orderedBySearchWalk).
    const reference = buildDir("december");
    const [files, built] = [await allFiles(reference), await allFiles(site)];
    expect(built.map(orderedBySearchWalk).sort()).toEqual(files.map(orderedBySearchWalk).sort());
    const differing = files.filter((file) => !SEARCH_WALK_ORDERED.test(file) && digest(path.join(site, file)) !== digest(path.join(reference, file)));
    expect(differing).toEqual([]);
    // Each searched page's own record (its text, title and filters) was among the files compared byte for byte.
    const fragments = files.filter((file) => file.startsWith("/pagefind/fragment/"));
    expect(fragments.length).toBeGreaterThan(10);
    await project.remove();
  }, 300_000);
});

import { mkdtemp, mkdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentCache } from "../../src/content/content-cache.ts";
import { FILE_KINDS, loadFile } from "../../src/content/load-file.ts";
import type { CourseSource, PersonSource, ServiceSource } from "../../src/content/located.ts";
import { FIXTURE_ROOT } from "../support/project-copy.ts";

let root: string;
const picture = (colour: string) => sharp({ create: { width: 500, height: 300, channels: 3, background: colour } }).png().toFile(path.join(root, "content/images/room.png"));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-render-body-"));
  await mkdir(path.join(root, "content/images"), { recursive: true });
  await picture("#336699");
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** A fixture course file with `line` added as the first paragraph of its description. */
async function courseWith(line: string): Promise<string> {
  const text = await readFile(path.join(FIXTURE_ROOT, "_data/courses/java-fundamentals.yaml"), "utf8");
  return text.replace(/^description: \|\n/m, `description: |\n  ${line}\n\n`);
}

describe("images in course descriptions and service bodies", () => {
  it("renders a picture from the shared images folder in a course description", async () => {
    const loaded = await loadFile(FILE_KINDS.course, "_data/courses/java-fundamentals.yaml", await courseWith("![The classroom at Stout Street](/images/room.png)"), root);
    expect(loaded.problems).toEqual([]);
    const course = loaded.entries[0]!.data as CourseSource;
    expect(course.descriptionHtml).toMatch(/<picture><source type="image\/avif"[^>]*><source type="image\/webp"[^>]*><img src="\/assets\/images\/[^"]+-500\.png"/);
    expect(course.imageJobs).toEqual([{ kind: "responsive", source: "content/images/room.png", fallback: "png", widths: [400, 500] }]);
  });

  it("reports a missing image at its line in the YAML file", async () => {
    const text = await courseWith("![A chart](chart.png)");
    const loaded = await loadFile(FILE_KINDS.course, "_data/courses/java-fundamentals.yaml", text, root);
    const line = text.split("\n").findIndex((candidate) => candidate.includes("chart.png")) + 1;
    expect(loaded.problems).toEqual([expect.objectContaining({ file: "_data/courses/java-fundamentals.yaml", line, field: "description", message: expect.stringMatching(/image "chart.png" \(content\/images\/chart.png\) does not exist/) })]);
  });

  it("renders a service body's images the same way", async () => {
    const text = (await readFile(path.join(FIXTURE_ROOT, "_data/services/design-development.yaml"), "utf8")).replace(/^body: \|\n/m, "body: |\n  ![The classroom at Stout Street](room.png)\n\n");
    const loaded = await loadFile(FILE_KINDS.service, "_data/services/design-development.yaml", text, root);
    expect(loaded.problems).toEqual([]);
    expect((loaded.entries[0]!.data as ServiceSource).bodyHtml).toContain("<picture>");
  });

  it("renders again from the cache only when a picture's bytes change", async () => {
    const cache = new ContentCache(root, { disk: false });
    const text = await courseWith("![The classroom at Stout Street](/images/room.png) cache test");
    const first = (await cache.load(FILE_KINDS.course, "_data/courses/java-fundamentals.yaml", text)).entries[0]!.data as CourseSource;
    await cache.load(FILE_KINDS.course, "_data/courses/java-fundamentals.yaml", text);
    expect(cache.stats).toMatchObject({ computed: 1, memory: 1 });
    await picture("#993366");
    const second = (await cache.load(FILE_KINDS.course, "_data/courses/java-fundamentals.yaml", text)).entries[0]!.data as CourseSource;
    expect(cache.stats.computed).toBe(2);
    // eleventy-img names files by the picture's bytes: the page must point at the new files.
    expect(second.descriptionHtml).not.toBe(first.descriptionHtml);
  });
});

describe("portraits of instructors and authors", () => {
  const PEOPLE = "_data/instructors.yaml";
  const person = (id: string, extra: string) => `${id}:\n  name: Pat Example\n  role: Instructor\n  bio: Teaches things.\n${extra}`;

  it("prepares a portrait from the shared images folder, never wider than the picture itself", async () => {
    const loaded = await loadFile(FILE_KINDS.person, PEOPLE, person("pat-example", "  photo: /images/room.png\n  photoAlt: Pat at the front of a classroom\n"), root);
    expect(loaded.problems).toEqual([]);
    const pat = loaded.entries[0]!.data as PersonSource;
    expect(pat.portrait).toMatchObject({ alt: "Pat at the front of a classroom", image: { width: 500, height: 300 } });
    expect(pat.portrait!.image.sources.map((source) => source.type)).toEqual(["image/avif", "image/webp"]);
    expect(pat.imageJobs).toEqual([{ kind: "responsive", source: "content/images/room.png", fallback: "png", widths: [400, 500] }]);
    expect(loaded.dependencies?.map((dependency) => dependency.file)).toEqual(["content/images/room.png"]);
  });

  it("gives a decorative portrait an empty alt, and a person without a photo no portrait and no image to publish", async () => {
    const loaded = await loadFile(FILE_KINDS.person, PEOPLE, person("pat-example", "  photo: /images/room.png\n  photoAlt: Decorative\n") + person("lee-example", ""), root);
    expect(loaded.problems).toEqual([]);
    const [pat, lee] = loaded.entries.map((entry) => entry.data as PersonSource);
    expect(pat!.portrait?.alt).toBe("");
    expect(lee!.portrait).toBeUndefined();
    expect(lee!.imageJobs).toEqual([]);
  });

  it("reports a missing portrait file at the photo's line, naming the entry", async () => {
    const text = person("pat-example", "  photo: /images/pat.jpg\n  photoAlt: Pat\n");
    const loaded = await loadFile(FILE_KINDS.person, PEOPLE, text, root);
    expect(loaded.problems).toEqual([expect.objectContaining({ file: PEOPLE, line: 5, field: "pat-example.photo", message: expect.stringMatching(/image "\/images\/pat.jpg" \(content\/images\/pat.jpg\) does not exist/) })]);
    expect(loaded.entries[0]!.data).not.toHaveProperty("portrait");
  });
});

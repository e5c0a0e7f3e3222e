import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { load } from "cheerio";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageRenderer, pictureHtml, prepareImage, type ImageScope } from "../../src/images/content-images.ts";
import { MAX_IMAGE_PIXELS } from "../../src/images/image-options.ts";
import { renderMarkdownDocument } from "../../src/markdown/render-markdown.ts";

let root: string;
const scope = (folder = "content/articles/post"): ImageScope => ({ root, file: `${folder}/index.md`, folder, problems: [], jobs: [] });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-images-"));
  await mkdir(path.join(root, "content/articles/post"), { recursive: true });
  await mkdir(path.join(root, "content/images"), { recursive: true });
  await sharp({ create: { width: 900, height: 600, channels: 3, background: "#336699" } }).jpeg().toFile(path.join(root, "content/articles/post/desk.jpg"));
  await sharp({ create: { width: 300, height: 200, channels: 4, background: "#00000000" } }).png().toFile(path.join(root, "content/images/badge.png"));
  await writeFile(path.join(root, "content/articles/post/diagram.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320"><rect width="640" height="320"/></svg>');
  await writeFile(path.join(root, "content/articles/post/broken.png"), "not an image at all");
  // A valid PNG header claiming a width beyond the limit: image-size reads only the header, so no large file is needed.
  await sharp({ create: { width: MAX_IMAGE_PIXELS + 1, height: 2, channels: 3, background: "#000000" } }).png().toFile(path.join(root, "content/articles/post/huge.png"));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("images in Markdown", () => {
  it("renders a <picture> with AVIF and WebP sources, a JPEG fallback, dimensions and the editor's alt text, never upscaled", () => {
    const images = scope();
    const { html, problems } = renderMarkdownDocument("![A blue desk](desk.jpg)", { file: images.file, firstLine: 5, renderImage: imageRenderer(images) });
    expect(problems).toEqual([]);
    expect(images.problems).toEqual([]);
    const $ = load(html);
    expect($("picture source[type='image/avif']").attr("srcset")).toMatch(/-400\.avif 400w, .*-800\.avif 800w, .*-900\.avif 900w$/);
    expect($("picture source[type='image/webp']").length).toBe(1);
    const img = $("picture img");
    expect(img.attr("src")).toMatch(/^\/assets\/images\/.+-900\.jpeg$/);
    expect(img.attr("srcset")).not.toMatch(/1200/);
    expect([img.attr("width"), img.attr("height")]).toEqual(["900", "600"]);
    expect(img.attr("alt")).toBe("A blue desk");
    expect([img.attr("loading"), img.attr("decoding")]).toEqual(["lazy", "async"]);
    expect(images.jobs).toEqual([{ kind: "responsive", source: "content/articles/post/desk.jpg", fallback: "jpeg", widths: [400, 800, 900] }]);
  });

  it("uses PNG as the fallback for PNG sources, and finds /images/ in the shared folder", () => {
    const images = scope();
    const image = prepareImage(images, "/images/badge.png", 3, "body");
    expect(image?.src).toMatch(/-300\.png$/);
    expect(images.jobs).toEqual([{ kind: "responsive", source: "content/images/badge.png", fallback: "png", widths: [300] }]);
  });

  it("publishes SVG as is, under a name that changes with its content", () => {
    const images = scope();
    const image = prepareImage(images, "diagram.svg", 3, "body")!;
    expect(image.sources).toEqual([]);
    expect(image.src).toMatch(/^\/assets\/images\/[\w-]{10}-diagram\.svg$/);
    expect([image.width, image.height]).toEqual([640, 320]);
    expect(images.jobs).toEqual([{ kind: "copy", source: "content/articles/post/diagram.svg", url: image.src }]);
  });

  it.each([
    ["missing.jpg", /image "missing.jpg" \(content\/articles\/post\/missing.jpg\) does not exist/],
    ["broken.png", /cannot be read as an image/],
    ["huge.png", /is 8001x2 pixels; the limit is 8000/],
    ["https://example.com/a.jpg", /is on another site/],
    ["../../../secret.png", /points outside the content folder/],
  ])("reports %s at its line, with what to do", (src, message) => {
    const images = scope();
    expect(prepareImage(images, src, 7, "body")).toBeUndefined();
    expect(images.problems).toEqual([expect.objectContaining({ file: "content/articles/post/index.md", line: 7, field: "body", message: expect.stringMatching(message) })]);
    expect(images.jobs).toEqual([]);
  });

  it("marks a lead image for early loading, and escapes alt text", () => {
    const image = prepareImage(scope(), "desk.jpg", 1, "image")!;
    const $ = load(pictureHtml(image, { alt: 'A "quoted" <desk>', sizes: "100vw", lead: true }).value);
    expect($("img").attr("alt")).toBe('A "quoted" <desk>');
    expect($("img").attr("fetchpriority")).toBe("high");
    expect($("img").attr("loading")).toBeUndefined();
  });
});

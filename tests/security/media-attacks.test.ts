import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, mkdir, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { load } from "cheerio";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { FILE_KINDS, loadFile, type FileKind } from "../../src/content/load-file.ts";
import { formatProblem, isError } from "../../src/content/problems.ts";
import type { ImageJob } from "../../src/images/content-images.ts";
import { readManifest, writeManifest } from "../../src/images/output-cache.ts";
import { publishImages } from "../../src/images/publish-images.ts";
import { buildSite, CLOCKS } from "../support/build-site.ts";
import { copyProject, removeFolder } from "../support/project-copy.ts";
import { COMMANDS, commandEnv, copyWarmCache, runInAsync } from "../support/sample-project.ts";

// Hostile pictures an editor, or a pull request's deploy preview, could add: each is either refused at
// file:line by the real loader (the same function `npm run check` and the build call), or published inert.

let root: string;
const ARTICLE = "content/articles/attack/index.md";
const FOLDER = "content/articles/attack";

/** An article whose body shows `picture`, and whose front matter may add a lead image. */
function article(picture: string, frontMatter = ""): string {
  return `---\ntitle: "An attack"\ndate: "2026-10-06"\nauthor: dana-whitfield\nsummary: "A picture chosen by an attacker."\ntags: [Security]\n${frontMatter}---\n\nSome text.\n\n![A picture](${picture})\n`;
}

/** The 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

/** Loads a content file with the real loader and returns its errors as editors read them. */
async function errorsOf<S extends ZodType, T>(kind: FileKind<S, T>, file: string, text: string): Promise<string[]> {
  const loaded = await loadFile(kind, file, text, root);
  return loaded.problems.filter(isError).map(formatProblem);
}

/** CRC-32 of PNG chunks (zlib's polynomial), so crafted headers are valid and only what a case breaks is broken. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A PNG chunk with its length and CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real one-pixel PNG whose header is rewritten to declare `width` x `height` (a decompression bomb's header). */
async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000000" } }).png().toBuffer();
  const header = Buffer.from(png.subarray(16, 29));
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  return Buffer.concat([png.subarray(0, 8), pngChunk("IHDR", header), png.subarray(33)]);
}

/** A GIF header declaring `width` x `height`, with no picture data. */
function gifDeclaring(width: number, height: number): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt16LE(width, 0);
  size.writeUInt16LE(height, 2);
  return Buffer.concat([Buffer.from("GIF89a", "latin1"), size, Buffer.from([0, 0, 0]), Buffer.from(";", "latin1")]);
}

/**
 * The pixels of a photograph-like 2000x2000 picture: noise compresses badly, so the file is large and a cut is deep
 * in the data. Made here (a fixed xorshift sequence, 64 shades around mid-grey) rather than by sharp's gaussian noise,
 * which took most of a second per picture to draw; both encode to files of the same kind and size.
 */
function noisePixels(): Buffer {
  const pixels = Buffer.alloc(2000 * 2000 * 3);
  let state = 0x9e3779b9;
  for (let index = 0; index < pixels.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels[index] = 96 + (state & 63);
  }
  return pixels;
}
let noisyPixels: Buffer | undefined;
/** The noisy picture, ready to encode: the pixels are drawn once for both encodings. */
const noise = () => sharp((noisyPixels ??= noisePixels()), { raw: { width: 2000, height: 2000, channels: 3 } });

let noisyPng: Promise<Buffer> | undefined;
/** noise() as PNG, encoded once: two cases cut or damage a copy of it, and encoding 4 million noisy pixels is slow. */
const noisePng = async () => Buffer.from(await (noisyPng ??= noise().png().toBuffer()));

const decoded = new Map<string, Promise<number>>();
/**
 * How many channels a picture decodes to with sharp failing on any error (so a cut or damaged file rejects), by
 * the digest of its bytes: the rebuilt site's unpoisoned pictures are byte for byte the clean build's, already
 * decoded once, and decoding every AVIF again would only repeat that work. Every pixel is decoded into a raw
 * buffer; stats() decodes the same pixels but also measures entropy and sharpness, which took ten times as long.
 */
function decodedChannels(bytes: Buffer): Promise<number> {
  const key = createHash("sha256").update(bytes).digest("hex");
  if (!decoded.has(key)) decoded.set(key, sharp(bytes, { failOn: "error" }).raw().toBuffer({ resolveWithObject: true }).then(({ info }) => info.channels));
  return decoded.get(key)!;
}

const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">';
const svg = (inner: string, prolog = "") => `${prolog}${SVG_OPEN}${inner}</svg>`;

const ACTIVE = "a picture may not run code or load other files; export it again without it";

/** Pictures the check must refuse, with the exact problem (after `image "<name>" (<path>) `). */
const REFUSED: { attack: string; name: string; bytes: () => Promise<Buffer | string> | Buffer | string; problem: string }[] = [
  { attack: "a 2000x2000 PNG cut short after half its data", name: "cut.png", bytes: async () => (await noisePng()).subarray(0, 300_000), problem: "is damaged or incomplete: export it again" },
  { attack: "a JPEG cut short", name: "cut.jpg", bytes: async () => (await noise().jpeg().toBuffer()).subarray(0, 200_000), problem: "is damaged or incomplete: export it again" },
  {
    attack: "a PNG with bytes changed in the middle of its picture data",
    name: "corrupt.png",
    bytes: async () => {
      const png = await noisePng();
      png.fill(0x55, 200_000, 200_064);
      return png;
    },
    problem: "is damaged or incomplete: export it again",
  },
  { attack: "a PNG declaring 8000x6000 pixels in a few bytes (a decompression bomb)", name: "bomb.png", bytes: () => pngDeclaring(8000, 6000), problem: "is 8000x6000 pixels, more than 40 million: resize it (2400 pixels wide is plenty)" },
  { attack: "a GIF declaring 65535x65535 pixels", name: "bomb.gif", bytes: () => gifDeclaring(65535, 65535), problem: "is 65535x65535 pixels; the limit is 8000 on either side: resize it (2400 pixels wide is plenty)" },
  { attack: "an SVG named .png", name: "drawing.png", bytes: () => svg('<rect width="40" height="20"/>'), problem: "is in SVG format but its name ends .png: save it with the ending .svg" },
  { attack: "an HTML page named .png", name: "page.png", bytes: () => "<!doctype html><html><body><script>alert(1)</script></body></html>", problem: "cannot be read as an image: save it as JPEG, PNG, WebP, AVIF, GIF or SVG" },
  { attack: "a PNG named .jpg", name: "mislabelled.jpg", bytes: () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#123456" } }).png().toBuffer(), problem: "is in PNG format but its name ends .jpg: save it with the ending .png" },
  { attack: "an SVG with a <script>", name: "script.svg", bytes: () => svg("<script>alert(document.cookie)</script>"), problem: `holds a script (<script>): ${ACTIVE}` },
  { attack: "an SVG with <SCRIPT> in capitals", name: "capitals.svg", bytes: () => svg("<SCRIPT>alert(1)</SCRIPT>"), problem: `holds a script (<script>): ${ACTIVE}` },
  { attack: "an SVG with an onload handler", name: "onload.svg", bytes: () => svg('<rect width="40" height="20" onload="alert(1)"/>'), problem: `holds an event handler (onload=): ${ACTIVE}` },
  { attack: 'an SVG with <use href="http://...">', name: "use.svg", bytes: () => svg('<use href="http://evil.example/sprite.svg#a"/>'), problem: `holds a link to another file or address (href="http://evil.example/sprite.svg#a"): ${ACTIVE}` },
  { attack: 'an SVG link with xlink:href="javascript:"', name: "javascript.svg", bytes: () => svg('<a xlink:href=" java&#x09;script:alert(1)"><text>x</text></a>'), problem: `holds a link to another file or address (xlink:href=" java\tscript:alert(1)"): ${ACTIVE}` },
  { attack: 'an SVG <image href="file:///etc/passwd">', name: "file.svg", bytes: () => svg('<image href="file:///etc/passwd" width="1" height="1"/>'), problem: `holds a link to another file or address (href="file:///etc/passwd"): ${ACTIVE}` },
  { attack: "an SVG whose <style> has @import", name: "import.svg", bytes: () => svg("<style>@import url(https://evil.example/x.css);</style>"), problem: `holds a stylesheet that loads another file (url(), @import or an escape): ${ACTIVE}` },
  { attack: "an SVG whose <style> has url(http:...)", name: "url.svg", bytes: () => svg("<style>rect { fill: url( 'http://evil.example/beacon.png') }</style>"), problem: `holds a stylesheet that loads another file (url(), @import or an escape): ${ACTIVE}` },
  { attack: "an SVG with url(http:...) in a style attribute", name: "inline-style.svg", bytes: () => svg(`<rect width="1" height="1" style="fill:url(http://evil.example/p.png)"/>`), problem: `holds a style that loads another file (url(), @import or an escape): ${ACTIVE}` },
  { attack: "an SVG embedding another SVG as a data: address", name: "nested.svg", bytes: () => svg('<image width="1" height="1" href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>'), problem: `holds a link to another file or address (href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"): ${ACTIVE}` },
  { attack: "an SVG whose xml:base makes a #fragment link point to another site", name: "base.svg", bytes: () => svg('<g xml:base="https://evil.example/"><use href="#a"/></g>'), problem: `holds a base address (xml:base="https://evil.example/"): ${ACTIVE}` },
  { attack: "an SVG whose CSS spells url( with an escape", name: "escaped-css.svg", bytes: () => svg("<style>rect { fill: \\75 rl(https://evil.example/p.png) }</style>"), problem: `holds a stylesheet that loads another file (url(), @import or an escape): ${ACTIVE}` },
  { attack: "an SVG whose CSS loads through image-set()", name: "image-set.svg", bytes: () => svg(`<style>rect { background: image-set("https://evil.example/p.png" 1x) }</style>`), problem: `holds a stylesheet that loads another file (url(), @import or an escape): ${ACTIVE}` },
  { attack: "an SVG with <foreignObject> HTML", name: "foreign.svg", bytes: () => svg('<foreignObject width="40" height="20"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), problem: `holds embedded content (<foreignObject>): ${ACTIVE}` },
  {
    attack: "an SVG entity expansion bomb",
    name: "entities.svg",
    bytes: () => svg("<text>&lol4;</text>", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>`),
    problem: `holds entity declarations (<!ENTITY>): ${ACTIVE}`,
  },
  { attack: "an SVG with an external <?xml-stylesheet?>", name: "stylesheet.svg", bytes: () => svg("", '<?xml-stylesheet href="https://evil.example/x.css"?>'), problem: `holds a stylesheet from another file (<?xml-stylesheet?>): ${ACTIVE}` },
  { attack: "an SVG animation that sets a javascript: link", name: "animate.svg", bytes: () => svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), problem: `holds an animation that changes a link (<set attributeName="href">): ${ACTIVE}` },
  { attack: "an SVG that is not well-formed XML", name: "broken.svg", bytes: () => `${SVG_OPEN}<rect</svg>`, problem: "is not a well-formed SVG file: export it again as SVG" },
];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hsg-media-attacks-"));
  await mkdir(path.join(root, FOLDER), { recursive: true });
  await mkdir(path.join(root, "content/images"), { recursive: true });
  await Promise.all(REFUSED.map(async (attack) => writeFile(path.join(root, FOLDER, attack.name), await attack.bytes())));
});
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("hostile pictures are refused at file:line by the loader", () => {
  it.each(REFUSED)("refuses $attack", async ({ name, problem }) => {
    const text = article(name);
    expect(await errorsOf(FILE_KINDS.article, ARTICLE, text)).toEqual([`${ARTICLE}:${lineOf(text, "![")}: body: image "${name}" (${FOLDER}/${name}) ${problem}`]);
  });

  it("refuses a cut-short lead picture at the front matter's image line", async () => {
    const text = article("corrupt.png", "image: cut.png\nimageAlt: A lead picture\n");
    expect(await errorsOf(FILE_KINDS.article, ARTICLE, text)).toEqual([
      `${ARTICLE}:${lineOf(text, "![")}: body: image "corrupt.png" (${FOLDER}/corrupt.png) is damaged or incomplete: export it again`,
      `${ARTICLE}:${lineOf(text, "image: cut.png")}: image: image "cut.png" (${FOLDER}/cut.png) is damaged or incomplete: export it again`,
    ]);
  });

  it("refuses an instructor photo that is an SVG with a script, at the entry's photo line", async () => {
    await writeFile(path.join(root, "content/images/mallory.svg"), svg("<script>fetch('/admin/')</script>"));
    const yaml = "mallory:\n  name: Mallory Evans\n  role: Instructor\n  bio: Teaches things.\n  photo: /images/mallory.svg\n  photoAlt: Mallory at a desk\n";
    expect(await errorsOf(FILE_KINDS.person, "_data/instructors.yaml", yaml)).toEqual([
      `_data/instructors.yaml:5: mallory.photo: image "/images/mallory.svg" (content/images/mallory.svg) holds a script (<script>): ${ACTIVE}`,
    ]);
  });
});

describe("what is accepted is published inert", () => {
  let output: string;
  /** Loads an article showing `name`, expects no errors, publishes its pictures and returns the published files' bytes by URL. */
  async function published(name: string, bytes: Buffer | string): Promise<{ html: string; files: Map<string, Buffer> }> {
    await writeFile(path.join(root, FOLDER, name), bytes);
    const loaded = await loadFile(FILE_KINDS.article, ARTICLE, article(name), root);
    expect(loaded.problems.filter(isError).map(formatProblem)).toEqual([]);
    const source = loaded.entries[0]!.data;
    const jobs: ImageJob[] = source.imageJobs;
    await publishImages(jobs, root, output);
    const folder = path.join(output, "assets/images");
    const urls = [...source.html.matchAll(/\/assets\/images\/[^\s"]+/g)].map((match) => match[0]);
    const files = new Map(await Promise.all([...new Set(urls)].map(async (url) => [url, await readFile(path.join(folder, path.basename(url)))] as const)));
    return { html: source.html, files };
  }

  beforeAll(async () => {
    output = await mkdtemp(path.join(os.tmpdir(), "hsg-media-output-"));
  });
  afterAll(async () => rm(output, { recursive: true, force: true }));

  it("re-encodes a PNG polyglot (HTML and script after its end, and in a text chunk): no published byte holds the payload, and every size decodes", async () => {
    const png = await sharp({ create: { width: 500, height: 300, channels: 3, background: "#336699" } }).png().toBuffer();
    const payload = "<html><script>alert(document.domain)</script></html>";
    const polyglot = Buffer.concat([png.subarray(0, 33), pngChunk("tEXt", Buffer.from(`Comment\0${payload}`, "latin1")), png.subarray(33), Buffer.from(payload)]);
    const { files } = await published("polyglot.png", polyglot);
    expect([...files.keys()].map((url) => /-(\d+)\.(\w+)$/.exec(url)!.slice(1).join(" ")).sort()).toEqual(["400 avif", "400 png", "400 webp", "500 avif", "500 png", "500 webp"]);
    for (const [url, bytes] of files) {
      expect(bytes.includes("script"), url).toBe(false);
      expect(bytes.includes("<html"), url).toBe(false);
      expect(await decodedChannels(bytes), url).toBeGreaterThanOrEqual(3);
    }
  });

  it("publishes an SVG cleaned of editor-only markup, as well-formed SVG with nothing that runs or loads", async () => {
    const drawing = svg(
      '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect id="r" width="40" height="20" fill="url(#g)"/><use href="#r"/>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Made by an editor -->\n',
    );
    const { files } = await published("clean.svg", drawing);
    const [text] = [...files.values()].map((bytes) => bytes.toString("utf8"));
    expect(text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect id="r" width="40" height="20" fill="url(#g)"/><use href="#r"/></svg>\n',
    );
  });

  it("publishes alt text as written, backslash escapes and inline code included", async () => {
    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#000000" } }).png().toBuffer();
    await writeFile(path.join(root, FOLDER, "path.png"), png);
    const text = article("path.png").replace("![A picture](path.png)", "![C:\\\\Users\\\\dana, \\*not bold\\*, `npm run build`](path.png)");
    const loaded = await loadFile(FILE_KINDS.article, ARTICLE, text, root);
    expect(loaded.problems.filter(isError)).toEqual([]);
    expect(load(loaded.entries[0]!.data.html)("img").attr("alt")).toBe("C:\\Users\\dana, *not bold*, npm run build");
  });
});

/** Every file under a folder, by its path relative to it (forward slashes). */
async function filesUnder(folder: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(folder, file))] as const)));
}

/** Runs `npm run build` (as a process of its own, as Netlify does) in a project at the December clock. */
async function runBuild(project: string): Promise<void> {
  const { status, stdout, stderr } = await runInAsync(project, COMMANDS.build);
  if (status !== 0) throw new Error(`npm run build failed (${status}):\n${stdout}${stderr}`);
}

/**
 * Starts `npm run build` in a project with no resized pictures cached and kills it (-9) as soon as eleventy-img has begun
 * writing resized pictures, as an interrupted deploy would. Resolves whether it was caught in the act.
 */
function killBuildWhileResizing(project: string): Promise<boolean> {
  const child = spawn(process.execPath, COMMANDS.build, { cwd: project, env: commandEnv(), stdio: "ignore" });
  const images = path.join(project, ".cache", "images");
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const scratch = existsSync(images) ? readdirSync(images).filter((name) => name.startsWith(".scratch-")) : [];
      if (!scratch.some((name) => readdirSync(path.join(images, name)).length > 0)) return;
      clearInterval(poll);
      child.kill("SIGKILL");
    }, 10);
    child.on("exit", (_code, signal) => {
      clearInterval(poll);
      resolve(signal === "SIGKILL");
    });
  });
}

/** A process id that no process holds any more: the owner of a killed build's leftovers. */
function deadProcessId(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** Replaces every occurrence of `from` by `to` (same length) in bytes, as one-byte and as two-byte strings; returns how many. */
function replaceText(bytes: Buffer, from: string, to: string): number {
  let count = 0;
  for (const encoding of ["latin1", "utf16le"] as const) {
    const needle = Buffer.from(from, encoding);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1), count++) Buffer.from(to, encoding).copy(bytes, at);
  }
  return count;
}

describe("a half-written or poisoned .cache/ never reaches the site", () => {
  let project: string;
  /** The site of a clean build, read before its cache is poisoned (published files are hard links to cached ones). */
  let reference: Map<string, Buffer>;
  let rebuilt: Map<string, Buffer>;
  /** For each published file, the cache file it was linked from. */
  const cacheFileOf = new Map<string, string>();
  /** The published files each image manifest lists, by manifest path. */
  const manifestUrls = new Map<string, string[]>();
  const images = () => [...reference.keys()].filter((file) => file.startsWith("assets/images/") && !file.endsWith(".svg")).sort();
  const socialImages = () => [...reference.keys()].filter((file) => file.startsWith("assets/social/")).sort();
  const cache = (...parts: string[]) => path.join(project, ".cache", ...parts);
  // The content cache's files, its texts folder's included.
  const contentCacheFiles = async () => (await readdir(cache("content"), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const manifests = () => [...manifestUrls.keys()].sort();

  /** Each poisoning: what it does to the cache, and the published files that must come out as in the clean build. */
  const POISONED: { attack: string; poison: () => Promise<void>; published: () => string[] }[] = [
    { attack: "a resized AVIF left at 0 bytes, as a build killed while encoding left it", poison: () => truncate(cacheFileOf.get(images().find((file) => file.endsWith(".avif"))!)!, 0), published: () => [images().find((file) => file.endsWith(".avif"))!] },
    {
      attack: "a resized WebP cut short",
      poison: async () => {
        const file = cacheFileOf.get(images().find((name) => name.endsWith(".webp"))!)!;
        await truncate(file, Math.floor((await readFile(file)).length / 2));
      },
      published: () => [images().find((file) => file.endsWith(".webp"))!],
    },
    {
      attack: "a resized picture swapped for another picture's bytes",
      poison: async () => {
        const [first, second] = images().filter((file) => file.endsWith(".png") || file.endsWith(".jpeg"));
        await writeFile(cacheFileOf.get(first!)!, await readFile(cacheFileOf.get(second!)!));
      },
      published: () => [images().filter((file) => file.endsWith(".png") || file.endsWith(".jpeg"))[0]!],
    },
    {
      attack: "a sealed manifest naming files and URLs outside .cache/ and the pictures' folder",
      poison: async () => {
        const manifest = manifests()[0]!;
        const key = path.basename(manifest, ".json");
        const entries = (await readManifest(manifest, key)) as { url: string }[];
        await writeManifest(manifest, key, entries.map((entry, index) => ({ ...entry, file: "../../../../../../etc/hostname", url: `/assets/images/../../../escaped-${index}.avif` })));
      },
      published: () => manifestUrls.get(manifests()[0]!)!,
    },
    {
      attack: "a manifest edited by hand to list another source's files",
      poison: async () => {
        const [target, other] = manifests().slice(1);
        const key = path.basename(target!, ".json");
        const entries = await readManifest(other!, path.basename(other!, ".json"));
        await writeFile(target!, JSON.stringify({ key, entries }));
      },
      published: () => manifestUrls.get(manifests()[1]!)!,
    },
    {
      attack: "a leftover scratch folder of a killed build holding a 0-byte picture",
      poison: async () => {
        const folder = cache("images", `.scratch-${deadProcessId()}-0123456789ab`);
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, `${images()[0]!.split("/").pop()}`), "");
      },
      published: () => images(),
    },
    { attack: "a social image cut to 0 bytes", poison: () => truncate(cacheFileOf.get(socialImages()[0]!)!, 0), published: () => [socialImages()[0]!] },
    {
      attack: "a social image swapped for another title's",
      poison: async () => writeFile(cacheFileOf.get(socialImages()[1]!)!, await readFile(cacheFileOf.get(socialImages()[2]!)!)),
      published: () => [socialImages()[1]!],
    },
    {
      attack: "a content cache file edited to change an article's text",
      poison: async () => {
        for (const file of await contentCacheFiles()) {
          const bytes = await readFile(file);
          if (replaceText(bytes, "program spends", "PWNED!spends!") > 0) await writeFile(file, bytes);
        }
      },
      published: () => [...reference.keys()].filter((file) => file.startsWith("articles/") && file.endsWith(".html")),
    },
    {
      attack: "content cache files cut short",
      poison: async () => {
        // Every file but the edited one (the row above), so both checks are exercised.
        for (const file of await contentCacheFiles()) if (!(await readFile(file)).includes("PWNED!")) await truncate(file, 100);
      },
      published: () => [...reference.keys()].filter((file) => file.endsWith(".html")),
    },
    {
      attack: "the stylesheet cache replaced by hostile CSS",
      poison: async () => {
        for (const name of await readdir(cache("sass"))) await writeFile(cache("sass", name), "body{background:url(https://evil.example/beacon)}");
      },
      published: () => [...reference.keys()].filter((file) => file.endsWith(".css")),
    },
  ];

  let killedWhileResizing = false;

  beforeAll(async () => {
    project = await copyProject("fixture");
    // The run's warm cache but for the resized pictures: the builds below resize every picture, and render nothing else again.
    await copyWarmCache("fixture", project, ["images"]);
    // The reproduction: a build killed while encoding used to leave a 0-byte AVIF that every later build published.
    killedWhileResizing = await killBuildWhileResizing(project);
    // The clean build in this process: it tests the image cache, not the command line (the kill above and the
    // poisoned rebuild below are processes of their own; the rebuild must be, so that no cache of this process
    // hides the poisoned files from it).
    await buildSite(project, CLOCKS.december, "build", path.join(project, "_site"));
    reference = await filesUnder(path.join(project, "_site"));
    const published = new Map<number, string>();
    for (const file of reference.keys()) published.set(statSync(path.join(project, "_site", file)).ino, file);
    for (const folder of ["images", "social-images"]) {
      for (const name of await readdir(cache(folder))) {
        const file = published.get(statSync(cache(folder, name)).ino);
        if (file) cacheFileOf.set(file, cache(folder, name));
      }
    }
    for (const name of await readdir(cache("images", "manifests"))) {
      const manifest = cache("images", "manifests", name);
      const entries = (await readManifest(manifest, path.basename(name, ".json"))) as { url: string }[];
      manifestUrls.set(manifest, entries.map((entry) => entry.url.slice(1)));
    }
    for (const { poison } of POISONED) await poison();
    await runBuild(project);
    rebuilt = await filesUnder(path.join(project, "_site"));
  }, 600_000);
  afterAll(async () => removeFolder(project));

  it("after a build killed -9 while resizing, the next build publishes every picture whole", async () => {
    expect(killedWhileResizing).toBe(true);
    for (const file of [...images(), ...socialImages()]) {
      expect(reference.get(file)!.length, file).toBeGreaterThan(0);
      expect(await decodedChannels(reference.get(file)!), file).toBeGreaterThanOrEqual(3);
    }
  });

  it("found what it poisons: pictures in every format, three manifests or more, social images, shards and the stylesheet", () => {
    expect(new Set(images().map((file) => path.extname(file)))).toEqual(new Set([".avif", ".webp", ".png", ".jpeg"]));
    expect(images().every((file) => cacheFileOf.has(file))).toBe(true);
    expect(manifests().length).toBeGreaterThanOrEqual(3);
    expect(socialImages().length).toBeGreaterThanOrEqual(3);
    expect(socialImages().every((file) => cacheFileOf.has(file))).toBe(true);
  });

  it.each(POISONED)("publishes the clean build's bytes after $attack", ({ published }) => {
    const files = published();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(rebuilt.get(file)?.equals(reference.get(file)!), file).toBe(true);
  });

  it("publishes every picture whole: each raster file decodes completely", async () => {
    for (const file of [...images(), ...socialImages()]) expect(await decodedChannels(rebuilt.get(file)!), file).toBeGreaterThanOrEqual(3);
  });

  it("writes nothing outside the pictures' folder and leaves no scratch folder behind", async () => {
    expect([...rebuilt.keys()].filter((file) => file.includes("escaped-"))).toEqual([]);
    expect(existsSync(path.join(project, "escaped-0.avif"))).toBe(false);
    expect((await readdir(cache("images"))).filter((name) => name.startsWith(".scratch-"))).toEqual([]);
    expect([...rebuilt.keys()].filter((file) => rebuilt.get(file)!.includes("PWNED!"))).toEqual([]);
  });
});

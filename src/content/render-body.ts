import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { IMAGE_SIZES, SHARED_IMAGES_FOLDER } from "../images/image-options.ts";
import type { ImageJob, ImageScope, PreparedImage } from "../images/content-images.ts";
import type { Heading, ImageRenderer, LinkReference } from "../markdown/markdown-state.ts";
import { renderMarkdownDocument } from "../markdown/render-markdown.ts";
import type { ContentProblem } from "./problems.ts";
import { TEXT_START } from "./yaml-source.ts";

type ImagePipeline = typeof import("../images/content-images.ts");

let imagePipeline: ImagePipeline | undefined;

/**
 * Loads the image code (eleventy-img, sharp, image inspection) that rendering a body with pictures, and drawing
 * a lead picture, use. Imported on demand rather than with this module: a content file whose result comes from
 * the cache renders nothing, so a warm `npm run check` never needs it. src/content/load-file.ts awaits it before
 * rendering a file, and the build before its templates draw pictures (leadPicture).
 */
export async function loadImagePipeline(): Promise<void> {
  imagePipeline ??= await import("../images/content-images.ts");
}

function images(): ImagePipeline {
  if (!imagePipeline) throw new Error("The image code is not loaded: await loadImagePipeline() before rendering content with pictures.");
  return imagePipeline;
}

/** What a content file's `finish` step may use besides the file's own data, and where it reports. */
export interface FinishContext {
  /** The project root (absolute): images are read from below it. */
  root: string;
  /** Problems found while rendering: added to the file's own. */
  problems: ContentProblem[];
  /** Files read besides the content file (images), relative to the root: a cached result is reused only while they are unchanged. */
  dependencies: Set<string>;
  /** The line of a field, for bodies inside YAML. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** For Markdown files: the file line holding the body's first line. */
  bodyLine: number;
}

/** A context for callers that render without a project (unit tests of collections): images resolve in the working folder. */
export function detachedContext(): FinishContext {
  return { root: process.cwd(), problems: [], dependencies: new Set(), lineOf: () => undefined, bodyLine: 1 };
}

/** A Markdown body rendered with everything the content check and the build need from it: plain data, cacheable. */
export interface RenderedBody {
  html: string;
  /** Headings with their ids, so links to #fragments of this page can be checked. */
  headings: Heading[];
  links: LinkReference[];
  /** Images the build must publish for this body. */
  imageJobs: ImageJob[];
}

/** Where a body is and how it is shown. */
export interface BodyPlace {
  file: string;
  /** The file line of the body's first line. */
  firstLine: number;
  /** The folder relative image references resolve in. */
  imageFolder: string;
  /** Whether the body may get a table of contents. */
  tableOfContents?: boolean;
  /** The field the body is written in, for problems: `body` unless given. */
  field?: string;
}

/** Renders a body, resolving its images and reporting its problems into the context. */
export function renderBody(source: string, place: BodyPlace, context: FinishContext): RenderedBody {
  const scope = imageScope(place.file, place.imageFolder, context);
  let renderImage: ImageRenderer | undefined;
  const rendered = renderMarkdownDocument(source, {
    file: place.file,
    firstLine: place.firstLine,
    // Made on the first picture: a body without any renders without the image code.
    renderImage: (image, decorative) => (renderImage ??= images().imageRenderer(scope, place.field))(image, decorative),
    tableOfContents: place.tableOfContents ?? false,
    ...(place.field ? { field: place.field } : {}),
  });
  context.problems.push(...rendered.problems, ...scope.problems);
  return { html: rendered.html, headings: rendered.headings, links: rendered.links, imageJobs: scope.jobs };
}

/** Checks and prepares a lead image named in front matter (or a portrait named in YAML); reports at the place's field, `image` unless given. */
export function renderLeadImage(src: string, place: BodyPlace, line: number | undefined, context: FinishContext): { image: PreparedImage; jobs: ImageJob[] } | undefined {
  const scope = imageScope(place.file, place.imageFolder, context);
  const image = images().prepareImage(scope, src, line, place.field ?? "image");
  context.problems.push(...scope.problems);
  return image ? { image, jobs: scope.jobs } : undefined;
}

/** The folder a content file's relative image references resolve in: an article folder's own, or the shared one. */
export function imageFolderOf(file: string): string {
  return file.endsWith("/index.md") ? path.posix.dirname(file) : SHARED_IMAGES_FOLDER;
}

/** The file line a Markdown value inside YAML starts on: below a block scalar's `|` and the blank lines it opens with, or the value's own. */
export function yamlBodyLine(context: FinishContext, field: string): number {
  return context.lineOf([field, TEXT_START]) ?? 1;
}

/** A fingerprint of each dependency, so a cached result is reused only while its images have the same bytes. */
export function fingerprintDependencies(root: string, files: Iterable<string>): { file: string; hash: string }[] {
  return [...files].sort().map((file) => ({ file, hash: fingerprint(root, file) }));
}

/** Whether every dependency still has the bytes it had when the result was computed. */
export function dependenciesUnchanged(root: string, dependencies: readonly { file: string; hash: string }[] | undefined): boolean {
  return (dependencies ?? []).every((dependency) => fingerprint(root, dependency.file) === dependency.hash);
}

function fingerprint(root: string, file: string): string {
  try {
    return createHash("sha256").update(readFileSync(path.join(root, file))).digest("base64url");
  } catch {
    return "missing";
  }
}

function imageScope(file: string, folder: string, context: FinishContext): ImageScope {
  // Every file an image reference names is a dependency, found or not: adding a missing image must invalidate the cached error.
  return { root: context.root, file, folder, problems: [], jobs: [], onRead: (relative) => context.dependencies.add(relative) };
}

/** Where a prepared image is placed: the width the browser picks a source for, and whether it is seen first (loaded eagerly) or further down (lazily). */
const PICTURE_SLOTS = {
  /** Above an article. */
  lead: { sizes: IMAGE_SIZES.column, lead: true },
  /** On an article's card. */
  card: { sizes: IMAGE_SIZES.card, lead: false },
  /** A portrait in the heading of a person's own page. */
  portrait: { sizes: IMAGE_SIZES.portrait, lead: true },
  /** A portrait on a card in a list of people. */
  avatar: { sizes: IMAGE_SIZES.avatar, lead: false },
} as const;

/** The places a template can put a prepared image. */
export type PictureSlot = keyof typeof PICTURE_SLOTS;

/** `<picture>` markup for a lead image or portrait in one of the slots above. */
export function leadPicture(image: PreparedImage, alt: string, slot: PictureSlot): string {
  const place = Object.hasOwn(PICTURE_SLOTS, slot) ? PICTURE_SLOTS[slot] : undefined;
  if (!place) throw new Error(`picture: no slot "${String(slot)}"; use one of ${Object.keys(PICTURE_SLOTS).join(", ")}`);
  return images().pictureHtml(image, { alt, ...place }).value;
}

import { createHash } from "node:crypto";
import path from "node:path";

/** How many hex digits of the SHA-256 a fingerprinted name carries: enough that two versions never share a name. */
const HASH_LENGTH = 10;

/** `name.0123456789.ext`: the shape of a fingerprinted file name. */
const FINGERPRINTED = new RegExp(`\\.([0-9a-f]{${HASH_LENGTH}})(\\.[a-z0-9]+)$`);

/** The content hash written into a file name. */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, HASH_LENGTH);
}

/** `/assets/site.css` with its content becomes `/assets/site.<hash>.css`. */
export function fingerprintedPath(file: string, content: string | Uint8Array): string {
  const extension = path.posix.extname(file);
  return `${file.slice(0, file.length - extension.length)}.${contentHash(content)}${extension}`;
}

/**
 * Whether a file's name carries the hash of exactly this content. Only such files may be cached for a year: a
 * name that merely looks hashed, or a file changed after it was named, is treated like any other file.
 */
export function isFingerprinted(file: string, content: string | Uint8Array): boolean {
  const match = FINGERPRINTED.exec(file);
  return match !== null && match[1] === contentHash(content);
}

/** Whether a name has the fingerprinted shape (checked against the content by isFingerprinted). */
export function looksFingerprinted(file: string): boolean {
  return FINGERPRINTED.test(file);
}

/**
 * The URLs of the fingerprinted assets of the current build: the plugins that write an asset record its
 * hashed URL, and templates ask for it by its plain name through the `assetUrl` filter.
 */
export class AssetManifest {
  readonly #urls = new Map<string, string>();

  /** Records that the asset known as `url` was written as `hashedUrl`. */
  set(url: string, hashedUrl: string): void {
    this.#urls.set(url, hashedUrl);
  }

  /** Whether a plugin recorded the asset known as `url`. */
  has(url: string): boolean {
    return this.#urls.has(url);
  }

  /** The hashed URL of an asset. A name no plugin wrote is a mistake in a template, so it fails the build. */
  url(url: string): string {
    const hashed = this.#urls.get(url);
    if (hashed === undefined) throw new Error(`assetUrl: no asset "${url}" was written by this build (known: ${[...this.#urls.keys()].join(", ") || "none"})`);
    return hashed;
  }
}

import { existsSync, readFileSync } from "node:fs";
import { access, copyFile, link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The version of an installed package, read from its package.json without loading the package: a cache key
 * names the encoder that made a file, so an upgrade that changes its bytes cannot serve the old ones.
 */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve(`${name}/package.json`);
  } catch {
    // Its exports hide package.json: it sits in the folder of the resolved entry point, or above it.
    let folder = path.dirname(require.resolve(name));
    while (!existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
    file = path.join(folder, "package.json");
  }
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** Whether a file exists (and can be read). */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes a cache file under a temporary name, then renames it: a build running beside this one never reads half a file. */
export async function writeCacheFile(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, content);
  await rename(partial, file);
}

/**
 * Puts a cached file at its published path as a hard link: no bytes are copied, and cached files are never
 * rewritten in place (each is named by its inputs), so the link cannot change under the site. Across file
 * systems, where a link is impossible, it is copied.
 */
export async function publishCachedFile(cached: string, target: string): Promise<void> {
  await rm(target, { force: true });
  try {
    await link(cached, target);
  } catch {
    await copyFile(cached, target);
  }
}

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Where vitest keeps the modules it transformed (`experimental.fsModuleCache`): a folder per set of installed
 * packages, named by the hash of `node_modules/.package-lock.json`, the file vitest itself checks. Vitest 4.1
 * clears its folder when that file changes and then fails the run writing into the folder it removed (an
 * `npm install` was enough, CI's install of Node 24 among them); in a folder of its own set of packages the file
 * never changes under it. The folders of other sets are removed here, so they do not pile up with installs.
 */
export function moduleCacheFolder(root: string): string {
  const lockfile = path.join(root, "node_modules/.package-lock.json");
  const key = createHash("sha256")
    .update(existsSync(lockfile) ? readFileSync(lockfile) : "")
    .digest("hex")
    .slice(0, 16);
  const parent = path.join(root, "node_modules/.cache/vitest-modules");
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    if (name !== key) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
  return path.join(parent, key);
}

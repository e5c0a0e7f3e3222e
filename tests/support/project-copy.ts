import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The tests' own content (`content/articles/` and `_data/`): page, feed and metadata tests build this and
 * compute their expectations from it, so editors can change the sample content without breaking a test.
 */
export const FIXTURE_ROOT = path.join(REPO_ROOT, "tests/fixture-site");

/** Whose content a project copy holds: the tests' fixture, or the site's real sample content. */
export type ContentSource = "fixture" | "sample";

/** Code that a copy links to instead of copying: the build reads it, never writes it. */
const LINKED = ["_includes", "src", "node_modules", "scripts"];

/**
 * Makes a throwaway project in a new folder under the OS temp directory: the code of this repository linked in,
 * the templates of content/ copied, and the articles and data of `source` copied, so the real commands run on
 * content the caller may then break. The copy starts without a `.cache/`: no test reads or writes the repository's
 * own, so no result depends on an earlier run. `options.shareCache` is accepted for older callers and ignored.
 */
export async function copyProject(source: ContentSource, options: { shareCache?: boolean } = {}): Promise<string> {
  void options;
  const root = await mkdtemp(path.join(os.tmpdir(), `hsg-${source}-`));
  const contentRoot = source === "fixture" ? FIXTURE_ROOT : REPO_ROOT;
  // Pages and everything else in content/ are code; only the articles and the page copy are content.
  const contentFolders = ["articles", "copy"];
  for (const entry of await readdir(path.join(REPO_ROOT, "content"))) {
    if (contentFolders.includes(entry)) continue;
    await cp(path.join(REPO_ROOT, "content", entry), path.join(root, "content", entry), { recursive: true });
  }
  for (const folder of contentFolders) await cp(path.join(contentRoot, "content", folder), path.join(root, "content", folder), { recursive: true });
  // The fixture's own pictures (portraits) join the shared images folder, which the bad-content cases also use.
  if (source === "fixture") await cp(path.join(FIXTURE_ROOT, "content/images"), path.join(root, "content/images"), { recursive: true });
  await cp(path.join(contentRoot, "_data"), path.join(root, "_data"), { recursive: true });
  for (const linked of LINKED) await symlink(path.join(REPO_ROOT, linked), path.join(root, linked));
  // package.json makes the copy an ES module project, as the real one is.
  for (const file of [".eleventy.ts", "package.json"]) await cp(path.join(REPO_ROOT, file), path.join(root, file));
  commitContent(root);
  return root;
}

/** When a copy's content was committed: before every article's date, so each article's last change is its own date. */
export const COPY_COMMIT_DATE = "2010-01-01T12:00:00-07:00";

/**
 * Makes the copy a git repository with its content committed once, as a checkout is: the build then dates pages
 * from git, as on Netlify, instead of warning and using the files' fresh copy times.
 */
function commitContent(root: string): void {
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Tests", "-c", "user.email=tests@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", ...args], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, GIT_AUTHOR_DATE: COPY_COMMIT_DATE, GIT_COMMITTER_DATE: COPY_COMMIT_DATE },
    });
  git("init", "-q");
  git("add", "content", "_data");
  git("commit", "-q", "-m", "Content of the copy");
}

/** Deletes a folder made by copyProject (or any temporary folder a test made). */
export const removeFolder = (folder: string): Promise<void> => rm(folder, { recursive: true, force: true });

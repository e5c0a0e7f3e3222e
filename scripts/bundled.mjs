/**
 * Runs one of the project's TypeScript commands as a single esbuild bundle instead of through tsx's loader:
 * `npm run check`, `npm run fix` and `npm run new`, which editors run often and wait for.
 *
 * Why: on Node 20, tsx resolves and loads each module through a hook thread, about 0.35 s for the check's 150
 * modules; a bundle is one module. The packages stay outside it and load from node_modules, as under tsx. Each
 * source file's `import.meta.url` is its own file's URL, so code that finds src/, its own source or node_modules
 * from where it lives finds them as it does under tsx. With HSG_STACK=1 the bundle carries a source map, so a
 * stack trace names the TypeScript files and lines.
 *
 * The bundle is kept, with the SHA-256 of its own code, of every source it was made from (as esbuild's loader read
 * it) and of the settings files esbuild may read beside them (tsconfig.json, jsconfig.json, package.json, in each source's folder
 * and above, noted absent where there is none), under a key of everything else that shapes it (this file, esbuild's
 * version, the project folder, the command, the source map). A run hashes the kept code and those files again and
 * uses the kept bundle only when every one is the same, so it can never be older than the code or its settings;
 * otherwise, or when anything about it cannot be read, it bundles afresh (about 0.1 s with esbuild's start) and
 * keeps the new one, written aside and renamed, so two runs never see half a bundle. What runs is a copy of this
 * run's own of the code it checked or made, so a run that replaces the kept bundle meanwhile changes nothing for
 * it. Kept bundles not used for a day are removed.
 *
 *   node scripts/bundled.mjs scripts/check-content.ts [arguments]
 *
 * Plain JavaScript on purpose: it is what runs before any TypeScript can.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, realpath, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Inside node_modules, so that the bundle's package imports resolve from the project's node_modules.
const FOLDER = path.join(ROOT, "node_modules/.cache/hsg-bundles");
// A kept bundle no run has used for this long is removed by a later run: copies of the project (the tests', the
// bench's) leave theirs here, each about 0.25 MB.
const UNUSED_MS = 24 * 60 * 60 * 1000;

/**
 * Gives every `import.meta.url` (and `dirname`, `filename`) in a TypeScript file that file's own, not the bundle's,
 * and notes the SHA-256 of each file as it was read, in `read`.
 */
const ownUrls = (read) => ({
  name: "own-import-meta-url",
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const text = await readFile(file, "utf8");
      read.set(file, sha256(text));
      // Text, not tokens: a string or comment that spells import.meta.url changes too (no source file has one).
      const contents = text
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(file)))
        .replaceAll("import.meta.filename", JSON.stringify(file));
      return { contents, loader: "ts" };
    });
  },
});

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** How a kept bundle ends: a comment line with the files it was made from and their hashes (last, so that an inline source map's lines stay those of the code). */
const RECORD = "// hsg-bundle-inputs ";
/** The record's entry for the bundle's own code (every other entry is a file's absolute path). */
const CODE = "#code";
/** A settings file's hash in the record when there was none: esbuild would read one that appears. */
const ABSENT = "";
// Read by esbuild beside the sources, from each source's folder up: their settings change the output.
const SETTINGS_FILES = ["tsconfig.json", "jsconfig.json", "package.json"];
// A run's scratch copy or unfinished kept bundle, left by a run that was killed, is removed after this long.
const SCRATCH_MS = 60 * 60 * 1000;

/** Removes kept bundles no run has used for a day, and the scratch files of killed runs after an hour. */
async function removeUnused() {
  const names = await readdir(FOLDER).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(FOLDER, name);
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > (name.startsWith(".") ? SCRATCH_MS : UNUSED_MS)) await rm(file, { force: true });
    }),
  );
}

/** The hash of a file's text, or ABSENT when there is no such file. */
async function hashOf(file) {
  try {
    return sha256(await readFile(file, "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return ABSENT;
    throw error;
  }
}

/**
 * The kept bundle's code, if it exists, is the code its record was written for, and every file it was made from has
 * the text it had then; else undefined.
 */
async function currentCode(file) {
  try {
    const text = await readFile(file, "utf8");
    const at = text.lastIndexOf(`\n${RECORD}`);
    if (at < 0) return undefined;
    const { [CODE]: codeHash, ...inputs } = JSON.parse(text.slice(at + 1 + RECORD.length));
    if (codeHash !== sha256(text.slice(0, at + 1)) || Object.keys(inputs).length === 0) return undefined;
    const same = await Promise.all(Object.entries(inputs).map(async ([source, hash]) => (await hashOf(source)) === hash));
    return same.every(Boolean) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The settings files esbuild may read for sources in `folders`: each one's folder and every folder above it. */
function settingsFilesOf(folders) {
  const files = new Set();
  for (let folder of folders) {
    for (;;) {
      for (const name of SETTINGS_FILES) files.add(path.join(folder, name));
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  return [...files];
}

/**
 * Bundles the command; resolves to `{ code, keep }`, the code ending in the record of the files it was made from when
 * every source was hashed as esbuild read it (`keep`: else the bundle runs once and is not kept), or to false when
 * it does not compile.
 */
async function bundle(entryPath, outfile, stack) {
  const { build } = await import("esbuild");
  const read = new Map();
  let result;
  try {
    result = await build({
      entryPoints: [entryPath],
      // Not written: named so that an inline source map's paths are relative to where the bundle runs.
      outfile,
      write: false,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      plugins: [ownUrls(read)],
      sourcemap: stack ? "inline" : false,
      metafile: true,
      absWorkingDir: ROOT,
      logLevel: "silent",
    });
  } catch (error) {
    // esbuild names each file and line it could not compile; the command did not start.
    for (const message of error.errors ?? []) console.error(`${message.location ? `${path.relative(process.cwd(), message.location.file)}:${message.location.line}: ` : ""}${message.text}`);
    if (!error.errors) console.error(String(error));
    return false;
  }
  const code = result.outputFiles[0].text;
  const inputs = Object.keys(result.metafile.inputs).map((file) => path.resolve(ROOT, file));
  if (!inputs.every((file) => read.has(file))) return { code, keep: false };
  const settings = await Promise.all(settingsFilesOf(new Set(inputs.map((file) => path.dirname(file)))).map(async (file) => [file, await hashOf(file)])).catch(() => undefined);
  if (!settings) return { code, keep: false };
  const body = code.endsWith("\n") ? code : `${code}\n`;
  const record = Object.fromEntries([[CODE, sha256(body)], ...inputs.map((file) => [file, read.get(file)]), ...settings]);
  return { code: `${body}${RECORD}${JSON.stringify(record)}\n`, keep: true };
}

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/bundled.mjs <command.ts> [arguments]");
  process.exit(2);
}
const entryPath = path.resolve(entry);
const stack = process.env.HSG_STACK === "1";
const esbuildVersion = JSON.parse(await readFile(createRequire(import.meta.url).resolve("esbuild/package.json"), "utf8")).version;
// By the entry's real path: copies of the project whose scripts/ and src/ are links to this one's share its bundle.
const key = sha256([await readFile(fileURLToPath(import.meta.url), "utf8"), esbuildVersion, ROOT, await realpath(entryPath).catch(() => entryPath), String(stack)].join("\0")).slice(0, 32);
const kept = path.join(FOLDER, `${path.basename(entry, ".ts")}.${key}.mjs`);
const scratchName = (extension) => path.join(FOLDER, `.${path.basename(kept, ".mjs")}.${process.pid}.${Math.random().toString(36).slice(2)}${extension}`);

await mkdir(FOLDER, { recursive: true });
await removeUnused();
let code = await currentCode(kept);
if (code !== undefined) {
  const now = new Date();
  await utimes(kept, now, now).catch(() => undefined);
} else {
  const made = await bundle(entryPath, kept, stack);
  if (!made) process.exit(1);
  code = made.code;
  if (made.keep) {
    // Written aside, then renamed over the kept one in one step (the record travels with its code), so another run
    // never reads half a bundle. Keeping it only saves the next run time: a failure here does not stop this one.
    const aside = scratchName(".keep");
    await writeFile(aside, code)
      .then(() => rename(aside, kept))
      .catch(() => rm(aside, { force: true }));
  }
}
// This run's own copy of the code it checked or made is what runs: another run may replace or remove the kept one
// meanwhile. Beside the kept one, so that the source map's relative paths hold.
const run = scratchName(".mjs");
await writeFile(run, code);
if (stack) process.setSourceMapsEnabled(true);
// The command reads its arguments as it would when run by tsx: node, its own file, then what followed it.
process.argv = [process.argv[0], entryPath, ...rest];
try {
  await import(pathToFileURL(run).href);
} finally {
  // Loaded and run to its end (the commands finish in their top-level await): the copy is not needed again.
  await rm(run, { force: true });
}

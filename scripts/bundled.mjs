/**
 * Runs one of the project's TypeScript commands as a single esbuild bundle instead of through tsx's loader:
 * `npm run check` and `npm run fix`, which editors run often and wait for.
 *
 * Why: on Node 20, tsx resolves and loads each module through a hook thread, about 0.35 s for the check's 150
 * modules; a bundle is one module. It is made again on every run (under 0.1 s), so it can never be older than
 * the code, and written under a name of its own, so two runs never share one. The packages stay outside it and
 * load from node_modules, as under tsx. Each source file's `import.meta.url` is its own file's URL, so code that
 * finds src/, its own source or node_modules from where it lives finds them as it does under tsx.
 * With HSG_STACK=1 the bundle carries a source map, so a stack trace names the TypeScript files and lines.
 *
 *   node scripts/bundled.mjs scripts/check-content.ts [arguments]
 *
 * Plain JavaScript on purpose: it is what runs before any TypeScript can.
 */
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Inside node_modules, so that the bundle's package imports resolve from the project's node_modules.
const FOLDER = path.join(ROOT, "node_modules/.cache/hsg-bundles");
// A bundle left by a run that was killed is removed by a later run once it is this old.
const STALE_MS = 60 * 60 * 1000;

/** Gives every `import.meta.url` (and `dirname`, `filename`) in a TypeScript file that file's own, not the bundle's. */
const ownUrls = {
  name: "own-import-meta-url",
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const text = await readFile(file, "utf8");
      // Text, not tokens: a string or comment that spells import.meta.url changes too (no source file has one).
      const contents = text
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(file)))
        .replaceAll("import.meta.filename", JSON.stringify(file));
      return { contents, loader: "ts" };
    });
  },
};

/** Removes bundles of earlier runs that ended without removing their own. */
async function removeStale() {
  const names = await readdir(FOLDER).catch(() => []);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(FOLDER, name);
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > STALE_MS) await rm(file, { force: true });
    }),
  );
}

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/bundled.mjs <command.ts> [arguments]");
  process.exit(2);
}
const entryPath = path.resolve(entry);
const stack = process.env.HSG_STACK === "1";
const outfile = path.join(FOLDER, `${path.basename(entry, ".ts")}.${process.pid}.${Math.random().toString(36).slice(2)}.mjs`);

await mkdir(FOLDER, { recursive: true });
await removeStale();
try {
  await build({
    entryPoints: [entryPath],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    plugins: [ownUrls],
    sourcemap: stack ? "inline" : false,
    logLevel: "silent",
  });
} catch (error) {
  // esbuild names each file and line it could not compile; the command did not start.
  for (const message of error.errors ?? []) console.error(`${message.location ? `${path.relative(process.cwd(), message.location.file)}:${message.location.line}: ` : ""}${message.text}`);
  if (!error.errors) console.error(String(error));
  process.exit(1);
}
if (stack) process.setSourceMapsEnabled(true);
// The command reads its arguments as it would when run by tsx: node, its own file, then what followed it.
process.argv = [process.argv[0], entryPath, ...rest];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  // Loaded and run to its end (the commands finish in their top-level await): the file is not needed again.
  await rm(outfile, { force: true });
}

/**
 * `npm start`: Eleventy's dev server, as `eleventy --serve` runs it, except that bad content at launch does not
 * stop it. Eleventy's own CLI exits when the first build fails, before its watcher or server start. Here the
 * server starts anyway, and every page it answers is the problem list (src/plugins/dev-errors-plugin.ts); each
 * save in the project's folders tries the first build again, and the first good one starts Eleventy's own
 * watching and reloads the browser, after which everything is as `eleventy --serve` but for two things: the
 * articles folder is watched here (watchArticles), and the plugins hear when the watcher is ready (watcherReady).
 * Options: `--port=8080` (or `--port 8080`), `--quiet`.
 */
import { existsSync, readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import path from "node:path";
import { CONTENT_PATHS } from "../src/content/load-content.ts";
import { WATCHER_READY_EVENT, WRITE_SETTLED_MS } from "../src/eleventy/dev-rebuilds.ts";
import { watchFolderTree, type FolderWatch } from "../src/eleventy/folder-watcher.ts";

/** The part of Eleventy's programmatic API this script uses (Eleventy ships no types for it). */
interface EleventyServer {
  init(): Promise<void>;
  restart(): Promise<void>;
  /** Builds, then watches; resolves with the function Eleventy runs for a changed file. */
  watch(): Promise<Rebuild | undefined>;
  serve(port: number): Promise<void>;
  stopWatch(): Promise<void>;
  eleventyServe: { reload(event: { files: string[] }): Promise<void> };
  /** Eleventy's own file watcher, once watch() has made it. */
  watcher?: unknown;
  /** The configuration's event bus, on which the plugins listen (Eleventy's `config.on`). */
  config: { events: { emit(event: string): Promise<unknown> } };
}
/** Eleventy's run for a changed file, which watch() resolves with. */
type Rebuild = (file: string) => Promise<void>;
type EleventyConstructor = new (
  input: string | undefined,
  output: string | undefined,
  options: Record<string, unknown> & { config?: (config: { watchIgnores: Set<string> }) => void },
) => EleventyServer;

/** Where a save can mend a first build: content, data, layouts and the code; the project root for the config. */
const WATCHED_FOLDERS = ["content", "_data", "_includes", "src"];
/** What builds and tools write, never a save to act on. */
const IGNORED = /^(\.git|node_modules|_site|\.cache|\.site-build-.*)$/;
/** Saves within this many milliseconds are one change: an editor may save several files at once. */
const SETTLE_MS = 200;

/**
 * The value of a command-line option, given as `--name=value` or `--name value`; the last one given wins, so that
 * `npm start -- --port=3000` overrides package.json's `--port=8080`.
 */
function option(name: string): string | undefined {
  const index = process.argv.flatMap((argument, at) => (argument === `--${name}` || argument.startsWith(`--${name}=`) ? [at] : [])).at(-1);
  if (index === undefined) return undefined;
  const argument = process.argv[index]!;
  return argument.includes("=") ? argument.slice(argument.indexOf("=") + 1) : (process.argv[index + 1] ?? "");
}

const port = Number(option("port") ?? 8080);
const { default: Eleventy } = (await import("@11ty/eleventy")) as unknown as { default: EleventyConstructor };
/**
 * The articles folder, watched here instead of by Eleventy (watchArticles): Eleventy's watcher would list all of
 * it again on every save.
 */
const ARTICLES = CONTENT_PATHS.articles;
const eleventy = new Eleventy(undefined, undefined, {
  source: "cli",
  runMode: "serve",
  configPath: ".eleventy.ts",
  quietMode: process.argv.includes("--quiet"),
  config: (config) => config.watchIgnores.add(`${ARTICLES}/**`),
});
await eleventy.init();
process.on("SIGINT", () => {
  void eleventy.stopWatch().then(() => process.exit(0));
});

let articlesWatch: FolderWatch | undefined;
/** When the articles' watcher began: saves there from then on reach a rebuild through it. */
let articlesWatchedSince = Number.POSITIVE_INFINITY;
try {
  await watchArticles(await eleventy.watch());
  await watcherReady();
  await eleventy.serve(port);
} catch {
  // Eleventy has printed the problems (and, for a content error, the dev errors plugin holds them for the pages).
  // The CLI's "fatal" severity marked the process failed; it has not failed, it waits for a save.
  process.exitCode = 0;
  await eleventy.serve(port);
  await retryUntilGood();
}

/**
 * Hands Eleventy each settled save in the articles folder, as its own watcher would (a file removed too, which
 * Eleventy's never reports): `rebuild` queues the file and rebuilds, after the build under way if there is one.
 */
async function watchArticles(rebuild: Rebuild | undefined): Promise<void> {
  articlesWatch?.close();
  if (typeof rebuild !== "function") return;
  articlesWatchedSince = Date.now();
  articlesWatch = await watchFolderTree(
    ARTICLES,
    (file) => {
      console.log(`[11ty] File changed: ./${file}`);
      void rebuild(`./${file}`);
    },
    WRITE_SETTLED_MS,
  );
}

/**
 * Tells the plugins that Eleventy's watcher listens (watch() resolves once it is ready), which Eleventy tells
 * them nowhere: the model loads the content again now (about 0.4 s at 4,000 articles, before the server says it
 * is there), so that the first save reads only what it changed.
 */
async function watcherReady(): Promise<void> {
  await eleventy.config.events.emit(WATCHER_READY_EVENT);
}

/** Every folder at or below `folder`, without what builds and tools write. */
function foldersBelow(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const below = entries.filter((entry) => entry.isDirectory() && !IGNORED.test(entry.name)).flatMap((entry) => foldersBelow(path.join(folder, entry.name)));
  return [folder, ...below];
}

/**
 * Tries the first build again after each save until one finishes; then Eleventy watches, and the browser reloads.
 * Each folder is watched on its own: Node 20's recursive watching on Linux loses a file once an editor saves it
 * by renaming a new copy over it, as vim and sed do.
 */
async function retryUntilGood(): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  /** Saved files, by path from the project root, with when they were saved. */
  const changes = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const attempt = async (): Promise<void> => {
    if (running) return;
    running = true;
    for (const file of [...changes.keys()].filter((file) => existsSync(file))) console.log(`[11ty] File changed: ${file}`);
    changes.clear();
    // From the moment Eleventy's own watcher exists it sees saves itself; saves before that it would never see.
    let watchingSince = Number.POSITIVE_INFINITY;
    const noticeWatcher = setInterval(() => {
      if (eleventy.watcher === undefined) return;
      watchingSince = Date.now();
      clearInterval(noticeWatcher);
    }, 10);
    try {
      // What Eleventy does before each rebuild in watch mode: the same configuration, fresh templates.
      await eleventy.restart();
      await eleventy.init();
      const rebuild = await eleventy.watch();
      await watchArticles(rebuild);
      await watcherReady();
      for (const watcher of watchers.values()) watcher.close();
      await eleventy.eleventyServe.reload({ files: [] });
      // Not awaited: Eleventy settles only the last of several quick saves, as for its own.
      for (const [file, savedAt] of changes) {
        // The articles have a watcher of their own (watchArticles), which started after Eleventy's.
        const seenSince = file.startsWith(`${ARTICLES}/`) ? articlesWatchedSince : watchingSince;
        if (savedAt >= seenSince || !existsSync(file) || typeof rebuild !== "function") continue;
        console.log(`[11ty] File changed: ${file}`);
        void rebuild(`./${file}`);
      }
    } catch {
      running = false;
      if (changes.size > 0) void attempt();
    } finally {
      clearInterval(noticeWatcher);
      process.exitCode = 0;
    }
  };
  const watchFolder = (folder: string) => {
    if (watchers.has(folder)) return;
    try {
      watchers.set(folder, watch(folder, (_event, name) => name && saved(path.join(folder, String(name)))));
    } catch {
      // Gone again, or never there: nothing in it to save.
    }
  };
  const saved = (file: string) => {
    if (IGNORED.test(path.basename(file))) return;
    // A new folder: watch it and what it holds.
    for (const folder of foldersBelow(file)) watchFolder(folder);
    changes.set(file, Date.now());
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), SETTLE_MS);
  };
  for (const folder of WATCHED_FOLDERS.flatMap(foldersBelow)) watchFolder(folder);
  watchFolder(".");
}

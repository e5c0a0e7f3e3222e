/**
 * `npm start`: Eleventy's dev server, as `eleventy --serve` runs it, except that bad content at launch does not
 * stop it. Eleventy's own CLI exits when the first build fails, before its watcher or server start. Here the
 * server starts anyway, and every page it answers is the problem list (src/plugins/dev-errors-plugin.ts); each
 * save in the project's folders tries the first build again, and the first good one starts Eleventy's own
 * watching and reloads the browser, after which everything is as `eleventy --serve` but for two things: the
 * articles folder is watched here (watchArticles), and the plugins hear when the watcher is ready (watcherReady).
 * Options: `--port=8080` (or `--port 8080`), `--quiet`.
 */
import "../src/cli/short-run-tiering.ts";
import { existsSync, readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import path from "node:path";
import { CONTENT_PATHS } from "../src/content/content-paths.ts";
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
// No watcher listens during the first build (about 40 s at 4,000 articles), and a save then would reach no build:
// every save is logged from the start and handed over once the watchers listen (replaySaves).
const early = logSaves();
const eleventyWatcher = noticeEleventyWatcher();
try {
  const rebuild = await eleventy.watch();
  await watchArticles(rebuild);
  await watcherReady();
  early.close();
  replaySaves(early.saves, rebuild, eleventyWatcher.since());
  await eleventy.serve(port);
} catch {
  // Eleventy has printed the problems (and, for a content error, the dev errors plugin holds them for the pages).
  // The CLI's "fatal" severity marked the process failed; it has not failed, it waits for a save.
  process.exitCode = 0;
  await eleventy.serve(port);
  await retryUntilGood(early);
} finally {
  eleventyWatcher.stop();
}

/**
 * Hands Eleventy each settled save in the articles folder, as its own watcher would (a file removed too, which
 * Eleventy's never reports): `rebuild` queues the file and rebuilds, after the build under way if there is one.
 */
async function watchArticles(rebuild: Rebuild | undefined): Promise<void> {
  articlesWatch?.close();
  if (typeof rebuild !== "function") return;
  articlesWatch = await watchFolderTree(
    ARTICLES,
    (file) => {
      console.log(`[11ty] File changed: ./${file}`);
      void rebuild(`./${file}`);
    },
    WRITE_SETTLED_MS,
  );
  // Once it listens: a save while it was being set up is handed over again (replaySaves), at worst twice.
  articlesWatchedSince = Date.now();
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

/** Saves in the watched folders, by path from the project root, with when each was made. */
interface SaveLog {
  readonly saves: Map<string, number>;
  /** Called after each save is logged. */
  onSave: () => void;
  close(): void;
}

/**
 * Logs every save in the folders a save can change the site from, and in the project root. Each folder is watched
 * on its own: Node 20's recursive watching on Linux loses a file once an editor saves it by renaming a new copy over
 * it, as vim and sed do.
 */
function logSaves(): SaveLog {
  const watchers = new Map<string, FSWatcher>();
  const log: SaveLog = {
    saves: new Map(),
    onSave: () => {},
    close: () => {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
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
    log.saves.set(file, Date.now());
    log.onSave();
  };
  for (const folder of WATCHED_FOLDERS.flatMap(foldersBelow)) watchFolder(folder);
  watchFolder(".");
  return log;
}

/**
 * When Eleventy's own watcher came to be, from which on it sees saves itself (Eleventy tells nobody: its `watcher`
 * is looked at every 10 ms); Infinity until then.
 */
function noticeEleventyWatcher(): { since(): number; stop(): void } {
  let since = Number.POSITIVE_INFINITY;
  const timer = setInterval(() => {
    if (eleventy.watcher === undefined) return;
    since = Date.now();
    clearInterval(timer);
  }, 10);
  return { since: () => since, stop: () => clearInterval(timer) };
}

/**
 * Hands `rebuild` each logged save that no watcher saw: made before the watcher of its file listened (the articles'
 * own, or Eleventy's since `eleventySince`). Not awaited: Eleventy settles only the last of several quick saves, as
 * for its own watcher's.
 */
function replaySaves(saves: ReadonlyMap<string, number>, rebuild: Rebuild | undefined, eleventySince: number): void {
  if (typeof rebuild !== "function") return;
  for (const [file, savedAt] of saves) {
    const seenSince = file.startsWith(`${ARTICLES}/`) ? articlesWatchedSince : eleventySince;
    if (savedAt >= seenSince || !existsSync(file)) continue;
    console.log(`[11ty] File changed: ./${file}`);
    void rebuild(`./${file}`);
  }
}

/**
 * Tries the first build again after each save until one finishes; then Eleventy watches, and the browser reloads.
 * `log` has logged the saves since `npm start` began: one made during the failed build tries again at once.
 */
async function retryUntilGood(log: SaveLog): Promise<void> {
  const changes = log.saves;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const attempt = async (): Promise<void> => {
    if (running) return;
    running = true;
    for (const file of [...changes.keys()].filter((file) => existsSync(file))) console.log(`[11ty] File changed: ${file}`);
    changes.clear();
    const eleventyWatcher = noticeEleventyWatcher();
    try {
      // What Eleventy does before each rebuild in watch mode: the same configuration, fresh templates.
      await eleventy.restart();
      await eleventy.init();
      const rebuild = await eleventy.watch();
      await watchArticles(rebuild);
      await watcherReady();
      log.close();
      await eleventy.eleventyServe.reload({ files: [] });
      replaySaves(changes, rebuild, eleventyWatcher.since());
    } catch {
      running = false;
      if (changes.size > 0) void attempt();
    } finally {
      eleventyWatcher.stop();
      process.exitCode = 0;
    }
  };
  log.onSave = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), SETTLE_MS);
  };
  if (changes.size > 0) log.onSave();
}

/**
 * `npm start`: Eleventy's dev server, as `eleventy --serve` runs it, except that bad content at launch does not
 * stop it. Eleventy's own CLI exits when the first build fails, before its watcher or server start. Here the
 * server starts anyway, and every page it answers is the problem list (src/plugins/dev-errors-plugin.ts); each
 * save in the project's folders tries the first build again, and the first good one starts Eleventy's own
 * watching and reloads the browser, after which everything is plain `eleventy --serve`.
 * Options: `--port=8080` (or `--port 8080`), `--quiet`.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

/** The part of Eleventy's programmatic API this script uses (Eleventy ships no types for it). */
interface EleventyServer {
  init(): Promise<void>;
  restart(): Promise<void>;
  /** Builds, then watches; resolves with the function Eleventy runs for a changed file. */
  watch(): Promise<((file: string) => Promise<void>) | undefined>;
  serve(port: number): Promise<void>;
  stopWatch(): Promise<void>;
  eleventyServe: { reload(event: { files: string[] }): Promise<void> };
}
type EleventyConstructor = new (input: string | undefined, output: string | undefined, options: Record<string, unknown>) => EleventyServer;

/** Where a save can mend a first build: content, data, layouts and the code; the project root for the config. */
const WATCHED_FOLDERS = ["content", "_data", "_includes", "src"];
/** Saves within this many milliseconds are one change (editors save several files, and editors save twice). */
const SETTLE_MS = 200;

function option(name: string): string | undefined {
  const index = process.argv.findIndex((argument) => argument === `--${name}` || argument.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const argument = process.argv[index]!;
  return argument.includes("=") ? argument.slice(argument.indexOf("=") + 1) : (process.argv[index + 1] ?? "");
}

const port = Number(option("port") ?? 8080);
const { default: Eleventy } = (await import("@11ty/eleventy")) as unknown as { default: EleventyConstructor };
const eleventy = new Eleventy(undefined, undefined, { source: "cli", runMode: "serve", configPath: ".eleventy.ts", quietMode: process.argv.includes("--quiet") });
await eleventy.init();
process.on("SIGINT", () => {
  void eleventy.stopWatch().then(() => process.exit(0));
});

try {
  await eleventy.watch();
  await eleventy.serve(port);
} catch {
  // Eleventy has printed the problems (and, for a content error, the dev errors plugin holds them for the pages).
  // The CLI's "fatal" severity marked the process failed; it has not failed, it waits for a save.
  process.exitCode = 0;
  await eleventy.serve(port);
  await retryUntilGood();
}

/** Tries the first build again after each save until one finishes; then Eleventy watches, and the browser reloads. */
async function retryUntilGood(): Promise<void> {
  const watchers: FSWatcher[] = [];
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const attempt = async (): Promise<void> => {
    if (running) return;
    running = true;
    const files = [...changed];
    changed = new Set();
    try {
      // What Eleventy does before each rebuild in watch mode: the same configuration, fresh templates.
      await eleventy.restart();
      await eleventy.init();
      const rebuild = await eleventy.watch();
      process.exitCode = 0;
      for (const watcher of watchers) watcher.close();
      await eleventy.eleventyServe.reload({ files });
      // Saves during that build came before Eleventy's watcher was ready: hand them to it, as it would have seen them.
      // Not awaited: Eleventy settles only the last of several quick saves, as for its own.
      if (typeof rebuild === "function") for (const file of changed) void rebuild(file);
    } catch {
      process.exitCode = 0;
      running = false;
      if (changed.size > 0) await attempt();
      return;
    }
  };
  const saved = (folder: string) => (_event: string, name: string | Buffer | null) => {
    if (!name || /(^|[/\\])(\.git|node_modules|_site|\.cache)([/\\]|$)/.test(String(name))) return;
    const file = `./${path.join(folder, String(name))}`;
    if (!changed.has(file)) console.log(`[11ty] File changed: ${file.slice(2)}`);
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), SETTLE_MS);
  };
  for (const folder of WATCHED_FOLDERS) {
    try {
      watchers.push(watch(folder, { recursive: true }, saved(folder)));
    } catch {
      // A project without this folder has nothing there to save.
    }
  }
  watchers.push(watch(".", saved(".")));
}

import { defineConfig } from "vitest/config";
import { moduleCacheFolder } from "./tests/support/module-cache.ts";
import SlowFirstSequencer from "./tests/support/slow-first-sequencer.ts";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the sample site once per reference clock; page tests read the output instead of rebuilding.
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/count-assertions.ts", "tests/support/cpu-per-file.ts"],
    testTimeout: 60_000,
    // A beforeAll that builds or starts a watcher takes minutes when the shared machine is loaded (a load of 20
    // made the watcher test's 120 s limit fail): the limit is there to catch a hang, not a slow machine.
    hookTimeout: 300_000,
    // Processes, not threads: Eleventy's builds change the working directory, which a worker thread may not.
    pool: "forks",
    // Three workers on the 2-core machines the suite is timed on: a worker spends much of a browser, watcher or
    // spawned-command file waiting (on Chromium, on Eleventy's rebuild, on a timer), and the third keeps the cores
    // busy meanwhile. Measured on Node 20, whole runs alternated: 92.1, 94.2 and 92.6 s with two workers, 88.0,
    // 87.2 and 87.1 with three, 90.2 with four (each worker imports the site's code once). Files share a worker's
    // loaded modules (no isolation): every test restores what it changes in the environment, and importing the
    // site's code and cheerio once per worker instead of once per file is most of what isolation costs.
    maxWorkers: 3,
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
    // Transformed modules kept on disk (moduleCacheFolder: under node_modules/.cache/, keyed by each file's content,
    // id and Vite's settings; gone with a reinstall), so that a worker reads a module it has not loaded yet from there
    // instead of asking vitest's main process for it. Measured on the 2-core machine, three pairs of whole runs
    // alternated: 121.0, 121.9 and 129.7 s (233, 234 and 249 core-seconds) against 134.4, 130.1 and 135.4 (258, 251
    // and 260) without; the workers' own CPU 88 to 94 s against 97 to 104. The default from Vitest 5 on.
    experimental: { fsModuleCache: true, fsModuleCachePath: moduleCacheFolder(import.meta.dirname) },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});

import "../../src/cli/short-run-tiering.ts";
import { appendFileSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { buildSite } from "./build-site.ts";
import { childrenCpuSeconds } from "./process-cpu.ts";
import { itemsCompletedBy, writeOutcome, type SetupOutcome, type SetupPlan } from "./setup-status.ts";

/**
 * Makes the plan's builds one after the other, each as `npm run build` would (buildSite), and writes each one's
 * outcome as soon as it is there, so the test files that read it start while the next builds run. A failed build
 * is reported to the tests that read it and the next builds still run.
 */
export async function runPlan(plan: SetupPlan): Promise<void> {
  for (const [index, build] of plan.builds.entries()) {
    let outcome: SetupOutcome;
    try {
      outcome = { value: await buildSite(build.root, build.siteNow, build.runMode, build.output, build.env) };
    } catch (error) {
      outcome = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    // A copy's cache is complete once no later build writes to it: a test may then copy it whole.
    for (const item of itemsCompletedBy(plan, index)) writeOutcome(plan.statusFolder, item, item === build.name ? outcome : { value: build.root });
  }
}

// Run as a process of its own by the global setup: `node --import tsx setup-builds.ts <plan.json>`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = Date.now();
  await runPlan(JSON.parse(readFileSync(process.argv[2]!, "utf8")) as SetupPlan);
  const log = process.env.HSG_CPU_LOG;
  if (log) {
    const used = process.cpuUsage();
    const line = { file: "(global setup: the builds, in a process of their own)", self: (used.user + used.system) / 1e6, children: childrenCpuSeconds(), wall: (Date.now() - started) / 1000, worker: process.pid, start: started };
    appendFileSync(log, `${JSON.stringify(line)}\n`);
  }
  // Eleventy and the social images' pool may leave handles open: the builds are done.
  process.exit(0);
}

import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

/**
 * With HSG_CPU_LOG=<file>, each test file's CPU time is appended to that file as a JSON line: the worker's own
 * (`self`) and that of the processes it started and waited for (`children`, from /proc: spawned builds, checks,
 * watchers), beside its wall time. vitest reports wall time only, which on a shared two-core machine says more
 * about the other work than about the file; the CPU is what the suite's 90-second budget is made of. Chromium
 * is started by the global setup, so its time is in no file's line.
 */
const LOG = process.env.HSG_CPU_LOG;

/** CPU milliseconds of this process's waited-for children, from /proc/self/stat (Linux only; 0 elsewhere). */
function childrenCpu(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

if (LOG) {
  let self: NodeJS.CpuUsage;
  let children = 0;
  let started = 0;
  beforeAll(() => {
    self = process.cpuUsage();
    children = childrenCpu();
    started = performance.now();
  });
  afterAll(() => {
    const used = process.cpuUsage(self);
    const file = path.relative(process.cwd(), expect.getState().testPath ?? "");
    const line = { file, self: (used.user + used.system) / 1e6, children: (childrenCpu() - children) / 1000, wall: (performance.now() - started) / 1000 };
    appendFileSync(LOG, `${JSON.stringify(line)}\n`);
  });
}

import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { CHROMIUM_PID_VARIABLE, childrenCpuSeconds, processTreeCpuSeconds } from "./process-cpu.ts";

/**
 * With HSG_CPU_LOG=<file>, each test file's CPU time is appended to that file as a JSON line: the worker's own
 * (`self`) and that of the processes it started and waited for (`children`, from /proc: spawned builds, checks,
 * watchers), beside its wall time, the worker's process id and when it started (a timeline of the run). vitest
 * reports wall time only, which on a shared two-core machine says more about the other work than about the file;
 * the CPU is what the suite's 90-second budget is made of. Chromium
 * is started by the global setup and reaped by no file: `chromium` is what it used while the file ran (two files
 * run at once, so a browser file's share can include its neighbour's), and the setup adds a line for Chromium's
 * whole run and one for the builds it made (tests/support/global-setup.ts).
 */
const LOG = process.env.HSG_CPU_LOG;

if (LOG) {
  let self: NodeJS.CpuUsage;
  let children = 0;
  let started = 0;
  let startedAt = 0;
  let chromium = 0;
  const chromiumPid = Number(process.env[CHROMIUM_PID_VARIABLE]);
  const chromiumCpu = () => (chromiumPid > 0 ? processTreeCpuSeconds(chromiumPid) : 0);
  beforeAll(() => {
    self = process.cpuUsage();
    children = childrenCpuSeconds();
    started = performance.now();
    startedAt = Date.now();
    chromium = chromiumCpu();
  });
  afterAll(() => {
    const used = process.cpuUsage(self);
    const file = path.relative(process.cwd(), expect.getState().testPath ?? "");
    const line = { file, self: (used.user + used.system) / 1e6, children: childrenCpuSeconds() - children, wall: (performance.now() - started) / 1000, worker: process.pid, start: startedAt, chromium: chromiumCpu() - chromium };
    appendFileSync(LOG, `${JSON.stringify(line)}\n`);
  });
}

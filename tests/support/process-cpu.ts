import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat after the command name: state is [0], ppid [1], utime, stime, cutime and cstime [11] to [14]. */
function statFields(pid: number | "self"): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()!.split(" ");
  } catch {
    return undefined;
  }
}

/** Where the global setup tells test files (with HSG_CPU_LOG set) the process id of the run's one Chromium. */
export const CHROMIUM_PID_VARIABLE = "HSG_CHROMIUM_PID";

/** Clock ticks per second of /proc's times: 100 on Linux (USER_HZ). */
const TICKS = 100;

/** CPU seconds of this process's waited-for children, from /proc/self/stat (Linux only; 0 elsewhere). */
export function childrenCpuSeconds(): number {
  const fields = statFields("self");
  return fields ? (Number(fields[13]) + Number(fields[14])) / TICKS : 0;
}

/**
 * CPU seconds a process and every process under it have used so far: each live one's own time and that of the
 * children it has reaped (Linux only; 0 elsewhere). For Chromium, started by the global setup and reaped by no test
 * file, whose renderers come and go with the pages.
 */
export function processTreeCpuSeconds(root: number): number {
  const parents = new Map<number, number>();
  let names: string[] = [];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const times = new Map<number, number>();
  for (const name of names) {
    const fields = statFields(Number(name));
    if (!fields) continue;
    parents.set(Number(name), Number(fields[1]));
    times.set(Number(name), fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0));
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) if (at === root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, time] of times) if (inTree(pid)) ticks += time;
  return ticks / TICKS;
}

import { setFlagsFromString } from "node:v8";

/**
 * How much bytecode a function runs before Node 20's V8 (11.3) optimises it with TurboFan: eight times V8's default
 * of 67,584. The project's commands are short: a build of a small site calls its functions a few hundred times,
 * and with the default TurboFan compiled many of them only to have the process end before the compile paid back
 * (TurboFan was an eighth of all CPU samples of a test run, `perf record`). Measured with the setting, runs
 * alternated: `npm run build` of the fixture 2.9 CPU-s against 3.3, `npm run check` of 4,000 articles 1.7 against
 * 2.1, a warm build of 4,000 articles and `npm start`'s saves at 4,000 no slower (docs/PERFORMANCE.md, "Thirty-first
 * round").
 */
export const SHORT_RUN_INTERRUPT_BUDGET = 540_000;

/**
 * Whether this V8 has the setting: Node 24's V8 (13.6) tiers up by invocation counts instead, prints an error for
 * the flag, and measured no gain at 4,000 articles with TurboFan held back (`--max-opt=2`), so it keeps its defaults.
 */
export const tieringApplies = (v8Version = process.versions.v8): boolean => Number(v8Version.split(".")[0]) === 11;

// A side effect on import, so that a command that imports this first sets it before the other modules' code runs:
// V8 reads the budget as each function starts collecting feedback, after its first calls.
if (tieringApplies()) setFlagsFromString(`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`);

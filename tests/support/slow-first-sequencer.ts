import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, longest first (measured; they wait on Chromium, a watcher or spawned commands).
 * Started first, they run beside the many short files instead of after them, which with a few workers on two cores
 * decides when the run ends. The scaffold file reads none of the global setup's builds, which are still being made
 * when the first files start (tests/support/global-setup.ts): third, it keeps a worker busy while the two before it
 * wait for theirs. vitest orders by the last run's times when it has them; a fresh clone has none.
 */
const SLOW_FIRST = [
  "tests/eleventy/rendered-pages.test.ts",
  "tests/browser/templates.test.ts",
  "tests/scaffold/new-command.test.ts",
  "tests/security/media-attacks.test.ts",
  "tests/build/bad-content.test.ts",
  "tests/build/html-validate.test.ts",
  "tests/eleventy/dev-error-page.test.ts",
  "tests/scripts/build.test.ts",
];

/** vitest's own order (the last run's slowest first, else the largest files), with SLOW_FIRST ahead of it. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOW_FIRST.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join("/"));
      return index < 0 ? SLOW_FIRST.length : index;
    };
    // Array.prototype.sort is stable: files outside the list keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

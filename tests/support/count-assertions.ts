import { afterEach, expect } from "vitest";

declare module "@vitest/runner" {
  interface TaskMeta {
    /** How many `expect` assertions the test made, for the run's summary line. */
    assertions?: number;
  }
}

// Each test's assertion count goes into its task's meta, which the summary reporter adds up: the number to
// compare when tests are merged or made faster, so that speed never comes from asserting less.
afterEach((context) => {
  context.task.meta.assertions = expect.getState().assertionCalls;
});

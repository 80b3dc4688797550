/**
 * The suites Stryker runs against each mutant: only the fast, in-process ones (domain tables,
 * use cases on fakes, scenarios on a manual clock). Adapter, HTTP, infra and end-to-end suites
 * start emulators or browsers and would make every mutant cost seconds. The command line tests
 * run the CLI in a child process, where Stryker cannot switch mutants on: they would only cost.
 * The property tests (thousands of generated cases, a minute-by-minute reference clock) take
 * longer than all the rest together and would run for almost every mutant of the calendar and
 * timers; the tables pin the same behaviour at the edges, which is where mutants live.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/app/**/*.test.ts', 'test/scenario/**/*.test.ts'],
    exclude: ['test/unit/cli.test.ts', 'test/**/*.property.test.ts'],
    // Instrumented code on a busy machine is slower than `npm test`: a slow property test must not fail the dry run.
    testTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

/**
 * The suites Stryker runs against each mutant: only the fast, in-process ones (domain tables,
 * use cases on fakes, scenarios on a manual clock). Adapter, HTTP, infra and end-to-end suites
 * start emulators or browsers and would make every mutant cost seconds. The command line tests
 * run the CLI in a child process, where Stryker cannot switch mutants on: they would only cost.
 * The property tests (thousands of generated cases, a minute-by-minute reference clock) take
 * longer than all the rest together and would run for almost every mutant of the calendar and
 * timers; the tables pin the same behaviour at the edges, which is where mutants live.
 * report-command.test.ts imports the whole command line (every command and its adapters):
 * seconds of module loading for every report, SLA and calendar mutant. It checks the command
 * (arguments, printing, mailing); the report's content is checked by report-build.test.ts
 * and report-truth.test.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/app/**/*.test.ts', 'test/scenario/**/*.test.ts'],
    exclude: ['test/unit/cli.test.ts', 'test/app/report-command.test.ts', 'test/**/*.property.test.ts'],
    // Stryker starts one vitest run per mutant. Isolated, every related test file gets its own
    // worker and re-imports its module graph (luxon, zod, hono...), which was most of a mutant's
    // cost. Not isolated, the run's files share one worker that still starts fresh for each
    // mutant (vitest shares a worker only within a run), so a mutant in module-level code is
    // loaded anew every time. The suites keep no state between files that could leak.
    isolate: false,
    // Instrumented code on a busy machine is slower than `npm test`: a slow property test must not fail the dry run.
    testTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

/**
 * The suites Stryker runs against each mutant: only the fast, in-process ones (domain tables,
 * use cases on fakes, scenarios on a manual clock). Adapter, HTTP, infra and end-to-end suites
 * start emulators or browsers and would make every mutant cost seconds. The command line tests
 * run the CLI in a child process, where Stryker cannot switch mutants on: they would only cost.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/app/**/*.test.ts', 'test/scenario/**/*.test.ts'],
    exclude: ['test/unit/cli.test.ts'],
    testTimeout: 20_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

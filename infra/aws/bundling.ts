/**
 * How every Lambda function is bundled, as plain data shared by the CDK stack (which hands it
 * to NodejsFunction, app-function.ts) and the bundle benchmark (which runs esbuild with the
 * same options), so what is measured is what is deployed. No CDK import here: the benchmark
 * and tests load this without the construct library.
 *
 * - ESM (`.mjs`) with a `require` made by createRequire, for the odd CommonJS dependency;
 *   ESM is what allows the composition root's top-level await.
 * - Minified with names kept: error classes name themselves from `new.target.name`, and logs
 *   must say `VersionConflictError`, not `t`.
 * - Source maps without the sources (stack traces need the mappings only; the asset stays
 *   small), enabled at run time with `NODE_OPTIONS=--enable-source-maps`.
 * - `@aws-sdk/*` left out: the Lambda runtime provides it.
 * - The configuration file's content embedded as JSON text (functions/runtime/embedded-config.ts).
 */
import { EMBEDDED_CONFIG_GLOBAL } from '../../functions/runtime/embedded-config.ts';

/** esbuild's target for the runtime in app-function.ts (NODEJS_24_X); a test keeps them equal. */
export const NODE_TARGET = 'node24';

export const BUNDLE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export const EXTERNAL_MODULES: readonly string[] = ['@aws-sdk/*'];

/** Prefer dependencies' ES module builds: they tree-shake. */
export const MAIN_FIELDS: readonly string[] = ['module', 'main'];

/** Runtime environment every function gets for its bundle to behave as built. */
export const BUNDLE_RUNTIME_ENVIRONMENT: Readonly<Record<string, string>> = { NODE_OPTIONS: '--enable-source-maps' };

export interface BundleSettings {
  readonly target: string;
  readonly format: 'esm';
  readonly minify: boolean;
  readonly keepNames: boolean;
  readonly sourceMap: boolean;
  readonly sourcesContent: boolean;
  readonly banner: string;
  readonly externalModules: readonly string[];
  readonly mainFields: readonly string[];
  /** esbuild `define`: identifier -> JavaScript literal text. */
  readonly define: Readonly<Record<string, string>>;
}

/** The settings for a deployment whose configuration file has `configJson` (JSON text) as content. */
export function bundleSettings(configJson: string): BundleSettings {
  return {
    target: NODE_TARGET,
    format: 'esm',
    minify: true,
    keepNames: true,
    sourceMap: true,
    sourcesContent: false,
    banner: BUNDLE_BANNER,
    externalModules: EXTERNAL_MODULES,
    mainFields: MAIN_FIELDS,
    define: { [EMBEDDED_CONFIG_GLOBAL]: JSON.stringify(configJson) },
  };
}

/**
 * The same settings as esbuild's JavaScript API options, exactly the flags NodejsFunction passes
 * on its command line (`--bundle --platform=node --target --format --outfile --minify
 * --keep-names --sourcemap --sources-content=false --external --define --banner:js --main-fields`).
 */
export function esbuildBuildOptions(settings: BundleSettings, entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node' as const,
    target: settings.target,
    format: settings.format,
    outfile,
    minify: settings.minify,
    keepNames: settings.keepNames,
    sourcemap: settings.sourceMap,
    sourcesContent: settings.sourcesContent,
    external: [...settings.externalModules],
    define: { ...settings.define },
    banner: { js: settings.banner },
    mainFields: [...settings.mainFields],
    logLevel: 'warning' as const,
  };
}

/**
 * The CDK app, built the same way by `cdk synth` (app.ts) and by the tests: settings from
 * context, the configuration file read and checked, the one stack, and cdk-nag's AWS
 * Solutions checks as a validation plugin, so a finding nobody acknowledged fails the synth.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SlaWatchStack } from './sla-watch-stack.ts';
import { readStackSettings } from './stack-settings.ts';
import { loadSynthConfig } from './synth-config.ts';

export interface BuiltApp {
  readonly app: App;
  readonly stack: SlaWatchStack;
}

/** Throws ConfigError (every problem listed) for bad context or a bad configuration file. */
export async function buildApp(props: AppProps = {}): Promise<BuiltApp> {
  const app = new App(props);
  const settings = readStackSettings(app.node);
  const synthConfig = await loadSynthConfig(settings.configPath);
  const stack = new SlaWatchStack(app, settings.stackName, { settings, synthConfig });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

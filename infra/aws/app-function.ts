/**
 * One sla-watch Lambda function, set up the same way for every entry point: the newest
 * Node.js runtime, arm64, the shared bundling (bundling.ts) with the local esbuild, its own
 * log group with a retention, and its own role that starts with nothing but writing to that
 * log group (no AWS managed policy); permissions.ts adds what each function needs.
 */
import { RemovalPolicy, type Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { BundleSettings } from './bundling.ts';
import { BUNDLE_RUNTIME_ENVIRONMENT } from './bundling.ts';
import { entryPath, PROJECT_ROOT, type EntryName } from './entries.ts';

/** The newest Node.js runtime aws-cdk-lib offers; bundling.ts targets the same (NODE_TARGET). */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;
export const FUNCTION_ARCHITECTURE = Architecture.ARM_64;
export const LOG_RETENTION = RetentionDays.THREE_MONTHS;

export interface AppFunctionProps {
  readonly entry: EntryName;
  readonly description: string;
  readonly bundle: BundleSettings;
  readonly environment: Readonly<Record<string, string>>;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** A fixed name, for functions whose ARN others must know before it exists (timer targets). */
  readonly functionName?: string;
  /** For functions invoked asynchronously (by Scheduler): retries, then this destination. */
  /** Reserved concurrency: both a guarantee and a cap (none: the account's shared pool). */
  readonly reservedConcurrency?: number;
  readonly async?: { readonly retryAttempts: number; readonly maxEventAge: Duration; readonly onFailure: IDestination };
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `sla-watch ${id}: ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    const { bundle } = props;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: entryPath(props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.functionName === undefined ? {} : { functionName: props.functionName }),
      environment: { ...BUNDLE_RUNTIME_ENVIRONMENT, ...props.environment },
      ...(props.async === undefined ? {} : props.async),
      ...(props.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrency }),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: bundle.target,
        minify: bundle.minify,
        keepNames: bundle.keepNames,
        sourceMap: bundle.sourceMap,
        sourcesContent: bundle.sourcesContent,
        banner: bundle.banner,
        externalModules: [...bundle.externalModules],
        mainFields: [...bundle.mainFields],
        define: { ...bundle.define },
        logLevel: LogLevel.WARNING,
      },
    });
  }
}

/**
 * What a deployment chooses on the command line, as CDK context (`-c key=value`), checked in
 * one place. Everything has a default so that `cdk synth` works offline with no context at
 * all; the SES defaults are placeholders (`example.com`) to replace for a real deployment:
 *
 *   npx cdk deploy -c sesIdentity=example.com -c sender=sla@example.com
 *
 * - `stackName`: default `sla-watch`; also the prefix of the timer functions' names.
 * - `config`: the configuration file (default `sla-watch.yml`; absent means every default).
 * - `sender`: the From address of every email (default: the file's `notifications.from`).
 * - `sesIdentity`: the verified SES identity the sender belongs to, a domain or an address
 *   (default: the sender's domain). Functions may send only as this identity.
 * - `sesConfigurationSet`: the name of the SES configuration set the stack creates and sends
 *   with (default `<stackName>-mail`); its event destination reports bounces and complaints.
 * - `sesSandbox`: `true` while the account is in the SES sandbox, where SES also checks the
 *   permission to send to each recipient's (verified) identity: the functions are then also
 *   allowed to send to every address the configuration mails (default false).
 * - `logLevel`: debug | info | warn | error (default info).
 */
import type { Node } from 'constructs';
import { isValidEmailAddress, isValidSender, senderAddress } from '../../shared/adapters/ses/email-address.ts';
import { ConfigError } from '../../shared/errors.ts';

export interface StackSettings {
  readonly stackName: string;
  readonly configPath: string | undefined;
  readonly sender: string | undefined;
  readonly sesIdentity: string | undefined;
  readonly sesConfigurationSet: string | undefined;
  readonly sesSandbox: boolean;
  readonly logLevel: string;
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,39}$/;
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];
const CONFIGURATION_SET = /^[A-Za-z0-9_-]{1,64}$/;
const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return String(value).trim();
}

/** The settings; ConfigError lists every context value that is not acceptable. */
export function readStackSettings(node: Node): StackSettings {
  const problems: string[] = [];
  const check = (key: string, value: string | undefined, ok: (v: string) => boolean, expected: string) => {
    if (value !== undefined && !ok(value)) problems.push(`context ${key}: expected ${expected}, got ${JSON.stringify(value)}`);
    return value;
  };
  const settings: StackSettings = {
    stackName: check('stackName', text(node, 'stackName'), (v) => STACK_NAME.test(v), 'a letter, then up to 39 letters, digits and -') ?? 'sla-watch',
    configPath: text(node, 'config'),
    sender: check('sender', text(node, 'sender'), isValidSender, 'an email address (or Name <address>)'),
    sesIdentity: check('sesIdentity', text(node, 'sesIdentity'), (v) => DOMAIN.test(v) || isValidEmailAddress(v), 'a domain or an email address'),
    sesConfigurationSet: check('sesConfigurationSet', text(node, 'sesConfigurationSet'), (v) => CONFIGURATION_SET.test(v), 'a configuration set name'),
    sesSandbox: check('sesSandbox', text(node, 'sesSandbox'), (v) => v === 'true' || v === 'false', 'true or false') === 'true',
    logLevel: check('logLevel', text(node, 'logLevel'), (v) => LOG_LEVELS.includes(v), LOG_LEVELS.join(' | ')) ?? 'info',
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}

/** The SES identity a sender belongs to when none is given: its domain. */
export function defaultSesIdentity(sender: string): string {
  const address = senderAddress(sender);
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

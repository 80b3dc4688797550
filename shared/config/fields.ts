/**
 * The leaf values of the configuration file, each a zod/mini schema that checks one value and
 * says what is wrong in words a person editing YAML understands.
 *
 * Messages never repeat the offending value for anything that may be a secret (keys, webhook
 * URLs); they name the rule instead. Durations come out as whole seconds, so everything after
 * the schema works on numbers.
 */
import { IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { parseDurationSeconds } from '../domain/duration.ts';
import { localDayOfDate } from '../domain/calendar/calendar-rules.ts';
import { PRIORITIES } from '../domain/sla/priority.ts';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of `HH:MM` (`24:00` only when `allowEndOfDay`), or null. */
export function clockMinutes(text: string, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && text === '24:00') return 24 * 60;
  const match = CLOCK_TIME.exec(text);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM`, 00:00 to 23:59 (or 24:00 for the end of a day). */
export function clockTime(allowEndOfDay: boolean) {
  return z.string().check(
    z.refine((text) => clockMinutes(text, allowEndOfDay) !== null, {
      error: allowEndOfDay ? 'expected a time HH:MM (00:00 to 24:00)' : 'expected a time HH:MM (00:00 to 23:59)',
    }),
  );
}

/** A positive duration: seconds as a number, or text such as "5m", "4h", "1d", "1h30m". */
export const duration = z.pipe(
  z.union([z.number(), z.string()], { error: 'expected a duration: seconds (300) or text such as "5m", "4h", "1d"' }),
  z.transform((value: number | string, ctx) => {
    let seconds: number;
    try {
      seconds = parseDurationSeconds(value);
    } catch (error) {
      ctx.issues.push({ code: 'custom', input: value, message: (error as Error).message });
      return z.NEVER;
    }
    if (seconds <= 0) {
      ctx.issues.push({ code: 'custom', input: value, message: 'must be longer than 0 seconds' });
      return z.NEVER;
    }
    return seconds;
  }),
);

/** A whole count >= 0 (allowed breaches, reminders). */
export const count = z.number().check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'expected a whole number >= 0' }));

export const timezone = z.string().check(
  z.refine((zone) => IANAZone.isValidZone(zone), { error: 'unknown time zone: use an IANA name such as "Europe/Paris" or "UTC"' }),
);

/** A local date `YYYY-MM-DD` that exists. */
export const date = z.string().check(
  z.refine(
    (text) => {
      try {
        localDayOfDate(text);
        return true;
      } catch {
        return false; // the message below says what a date must look like
      }
    },
    { error: 'expected a date YYYY-MM-DD that exists' },
  ),
);

// Deliberately plain: one @, no spaces, quotes, angle brackets or CR/LF (header injection), and
// a dotted domain. SES and the local emulator accept far worse, so the check is here.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
export const email = z.string().check(z.refine((text) => EMAIL.test(text), { error: 'expected an email address such as oncall@example.com' }));
export const emails = z.array(email);

/** An http(s) URL. Slack webhook URLs are secrets, so the message never echoes the value. */
export const httpUrl = z.string().check(
  z.refine(
    (text) => {
      if (!URL.canParse(text)) return false;
      const protocol = new URL(text).protocol;
      return protocol === 'https:' || protocol === 'http:';
    },
    { error: 'expected an http(s) URL' },
  ),
);

/** An HTTP header name (an RFC 9110 token), so it can never smuggle CR/LF into a request. */
export const headerName = z.string().check(
  z.refine((text) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/.test(text), { error: 'expected an HTTP header name' }),
);

export const MIN_SECRET_LENGTH = 16;
export const secret = z.string().check(
  z.refine((text) => text.length >= MIN_SECRET_LENGTH, { error: `must be at least ${MIN_SECRET_LENGTH} characters` }),
);

/**
 * The name of an environment variable whose value is read from `env` when the file is parsed;
 * `problem` says what is wrong with a value that is set (null: nothing), in words that follow
 * "environment variable NAME must hold". Messages never repeat the value: it is a secret.
 */
function variableHolding(env: Readonly<Record<string, string | undefined>>, problem: (value: string) => string | null) {
  return z.pipe(
    z.string().check(z.refine((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name), { error: 'expected an environment variable name' })),
    z.transform((name: string, ctx) => {
      const value = env[name];
      const wrong = value === undefined || value === '' ? 'is not set' : problem(value);
      if (wrong === null) return value as string;
      ctx.issues.push({ code: 'custom', input: name, message: `environment variable ${name} ${wrong}` });
      return z.NEVER;
    }),
  );
}

/** A variable holding a secret, checked like a secret written in the file. */
export function secretFromEnv(env: Readonly<Record<string, string | undefined>>) {
  return variableHolding(env, (value) => (value.length < MIN_SECRET_LENGTH ? `must hold at least ${MIN_SECRET_LENGTH} characters` : null));
}

/** A variable holding an http(s) URL that is a secret (a Slack incoming webhook). */
export function urlFromEnv(env: Readonly<Record<string, string | undefined>>) {
  return variableHolding(env, (value) => (httpUrl.safeParse(value).success ? null : 'must hold an http(s) URL'));
}

export const priority = z.enum(PRIORITIES, { error: `unknown priority (expected one of: ${PRIORITIES.join(', ')})` });

export const channel = z.enum(['email', 'slack'], { error: 'unknown channel (expected email or slack)' });
export const channels = z.array(channel).check(
  z.refine((list) => new Set(list).size === list.length, { error: 'lists a channel twice' }),
);

/** An object that refuses keys it does not know, naming the ones it does. */
export function strict<T extends z.core.$ZodLooseShape>(shape: T, unknownKey?: string) {
  const message = unknownKey ?? `unknown key (expected one of: ${Object.keys(shape).join(', ')})`;
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? message : undefined) });
}

/** `{critical?, high?, medium?, low?}`: what a file leaves out keeps its default. */
export function byPriority<T extends z.core.SomeType>(value: T) {
  return strict(
    { critical: z.optional(value), high: z.optional(value), medium: z.optional(value), low: z.optional(value) },
    `unknown priority (expected one of: ${PRIORITIES.join(', ')})`,
  );
}

/**
 * `sla-watch explain --priority P --created ISO`: when an alert of that priority created at
 * that instant would be at risk, breach, and be reminded, under the configuration in force.
 * `--created` must carry its offset (`Z` or `+01:00`): local text without one would be read
 * in whatever zone this machine happens to use, and the answer would silently differ.
 */
import { DateTime } from 'luxon';
import { loadConfig } from '../../../shared/config/load-config.ts';
import { isPriority, PRIORITIES } from '../../../shared/domain/sla/priority.ts';
import type { Instant } from '../../../shared/domain/instant.ts';
import { UsageError, type Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { explainJson, explainText } from './explain-timeline.ts';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO 8601 instant with an explicit offset, as epoch ms. */
export function parseCreatedAt(text: string): Instant {
  if (!WITH_OFFSET.test(text)) {
    throw new UsageError(`--created "${text}" is not an ISO 8601 instant with an offset, such as 2026-11-27T16:00:00Z or 2026-11-27T11:00:00-05:00`);
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) throw new UsageError(`--created "${text}" is not a valid instant: ${parsed.invalidExplanation ?? parsed.invalidReason ?? 'unknown reason'}`);
  return parsed.toMillis();
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'show the SLA timeline of an alert of a priority created at an instant',
  usage: [
    'usage: sla-watch explain --priority P --created ISO [--config PATH] [--json]',
    '',
    `  --priority P     ${PRIORITIES.join(' | ')}`,
    '  --created ISO    creation instant with an offset, e.g. 2026-11-27T16:00:00Z',
    '  --config PATH    configuration file (default: $SLA_WATCH_CONFIG, else ./sla-watch.yml)',
    '  --json           one JSON object, instants in ISO 8601 UTC',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      { priority: { type: 'string' }, created: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false } },
      0,
    );
    if (values.priority === undefined) throw new UsageError('--priority is required');
    if (!isPriority(values.priority)) throw new UsageError(`unknown priority "${values.priority}" (expected one of: ${PRIORITIES.join(', ')})`);
    if (values.created === undefined) throw new UsageError('--created is required');
    const createdAt = parseCreatedAt(values.created);
    const { config } = await loadConfig({ path: values.config, env: io.env });
    const policy = config.policies[values.priority];
    io.out(values.json ? JSON.stringify(explainJson(policy, createdAt)) : explainText(policy, createdAt));
    return 0;
  },
};

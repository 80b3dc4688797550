import 'aws-sdk-client-mock-vitest/extend';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  InternalServerException,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { atExpression } from '../../shared/adapters/scheduler/at-expression.ts';
import { SchedulerTimers } from '../../shared/adapters/scheduler/scheduler-timers.ts';
import { TimersUnavailableError } from '../../shared/errors.ts';
import type { TimerRequest } from '../../shared/ports/timers.ts';

const scheduler = mockClient(SchedulerClient);

const TARGETS = {
  'at-risk': 'arn:aws:lambda:eu-west-1:123456789012:function:sla-watch-at-risk',
  breach: 'arn:aws:lambda:eu-west-1:123456789012:function:sla-watch-breach',
  reminder: 'arn:aws:lambda:eu-west-1:123456789012:function:sla-watch-reminder',
};
const ROLE = 'arn:aws:iam::123456789012:role/sla-watch-scheduler';
const DLQ = 'arn:aws:sqs:eu-west-1:123456789012:sla-watch-timers-dlq';

function timers(): SchedulerTimers {
  return new SchedulerTimers({
    client: new SchedulerClient({ region: 'eu-west-1' }),
    groupName: 'sla-watch',
    targets: TARGETS,
    roleArn: ROLE,
    deadLetterQueueArn: DLQ,
    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 20 },
  });
}

function request(at: number, kind: TimerRequest['payload']['kind'] = 'breach'): TimerRequest {
  return {
    name: `aile52h742mxss4mpl6n3.${kind}.2`,
    at,
    payload: { alertId: 'aile52h742mxss4mpl6n3', kind, generation: 2, dueAt: new Date(at).toISOString() },
  };
}

/** What the SDK fills in when it builds a service exception from a response. */
function awsError(message: string) {
  return { message, Message: message, $metadata: { httpStatusCode: 400 } };
}

beforeEach(() => {
  scheduler.reset();
});

describe('SchedulerTimers.schedule', () => {
  it('creates a one-time UTC schedule that invokes the breach function once, then deletes itself', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-west-1:123456789012:schedule/sla-watch/x' });
    const at = Date.UTC(2026, 10, 30, 12, 30, 0);
    await timers().schedule(request(at));
    expect(scheduler).toHaveReceivedCommandOnce(CreateScheduleCommand);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toEqual({
      Name: 'aile52h742mxss4mpl6n3.breach.2',
      GroupName: 'sla-watch',
      ScheduleExpression: 'at(2026-11-30T12:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: TARGETS.breach,
        RoleArn: ROLE,
        Input: JSON.stringify({ alertId: 'aile52h742mxss4mpl6n3', kind: 'breach', generation: 2, dueAt: '2026-11-30T12:30:00.000Z' }),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 20 },
        DeadLetterConfig: { Arn: DLQ },
      },
    });
  });

  it('targets the function of the timer kind', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    const at = Date.UTC(2026, 10, 30, 12, 30, 0);
    await timers().schedule(request(at, 'at-risk'));
    await timers().schedule(request(at, 'reminder'));
    expect(scheduler).toHaveReceivedNthCommandWith(CreateScheduleCommand, 1, { Target: expect.objectContaining({ Arn: TARGETS['at-risk'] }) });
    expect(scheduler).toHaveReceivedNthCommandWith(CreateScheduleCommand, 2, { Target: expect.objectContaining({ Arn: TARGETS.reminder }) });
  });

  it('treats a schedule that already exists as armed (a retried or duplicate arm)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException(awsError('Schedule already exists.')));
    await expect(timers().schedule(request(Date.UTC(2026, 10, 30, 12, 30)))).resolves.toBeUndefined();
  });

  it.each([
    ['throttled', new ThrottlingException(awsError('Rate exceeded'))],
    ['refused', new ValidationException(awsError('Invalid RoleArn'))],
    ['failing', new InternalServerException(awsError('oops'))],
    ['unreachable', Object.assign(new Error('connect ECONNREFUSED'), { name: 'TimeoutError' })],
  ])('reports a %s Scheduler as timers unavailable, keeping the cause', async (_, cause) => {
    scheduler.on(CreateScheduleCommand).rejects(cause);
    const error = await timers()
      .schedule(request(Date.UTC(2026, 10, 30, 12, 30)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimersUnavailableError);
    expect((error as Error).cause).toBe(cause);
  });
});

describe('SchedulerTimers.cancel', () => {
  it('deletes the schedule by name in the group', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});
    await timers().cancel('aile52h742mxss4mpl6n3.breach.2');
    expect(scheduler).toHaveReceivedCommandExactlyOnceWith(DeleteScheduleCommand, { Name: 'aile52h742mxss4mpl6n3.breach.2', GroupName: 'sla-watch' });
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]?.args[0].input).toEqual({ Name: 'aile52h742mxss4mpl6n3.breach.2', GroupName: 'sla-watch' });
  });

  it('treats a schedule that is gone (fired and deleted, or never made) as cancelled', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException(awsError('Schedule not found.')));
    await expect(timers().cancel('aile52h742mxss4mpl6n3.breach.2')).resolves.toBeUndefined();
  });

  it('reports other failures as timers unavailable, keeping the cause', async () => {
    const cause = new ThrottlingException(awsError('Rate exceeded'));
    scheduler.on(DeleteScheduleCommand).rejects(cause);
    const error = await timers()
      .cancel('aile52h742mxss4mpl6n3.breach.2')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimersUnavailableError);
    expect((error as Error).cause).toBe(cause);
  });
});

describe('atExpression', () => {
  it.each([
    ['2026-11-30T12:00:00.000Z', 'at(2026-11-30T12:00:00)'],
    ['2027-01-05T03:04:05.000Z', 'at(2027-01-05T03:04:05)'],
    ['2026-11-30T12:00:00.001Z', 'at(2026-11-30T12:00:01)'],
    ['2026-01-31T23:59:59.999Z', 'at(2026-02-01T00:00:00)'],
    ['2026-09-30T23:59:59.999Z', 'at(2026-10-01T00:00:00)'],
    ['2026-12-31T23:59:59.001Z', 'at(2027-01-01T00:00:00)'],
    ['2027-02-28T23:59:59.200Z', 'at(2027-03-01T00:00:00)'],
    ['2028-02-28T23:59:59.999Z', 'at(2028-02-29T00:00:00)'],
    ['2028-02-29T23:59:59.500Z', 'at(2028-03-01T00:00:00)'],
  ])('schedules %s as %s: UTC, 1-based months, never before the instant', (iso, expected) => {
    expect(atExpression(Date.parse(iso))).toBe(expected);
  });

  it('names the first whole second at or after any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (at) => {
        const match = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(atExpression(at));
        expect(match).not.toBeNull();
        const [y, mo, d, h, mi, s] = (match as RegExpExecArray).slice(1).map(Number) as [number, number, number, number, number, number];
        const fires = Date.UTC(y, mo - 1, d, h, mi, s);
        expect(fires).toBeGreaterThanOrEqual(at);
        expect(fires - at).toBeLessThan(1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an instant it cannot express', () => {
    expect(() => atExpression(Number.NaN)).toThrow(RangeError);
    expect(() => atExpression(Date.UTC(10000, 0, 1))).toThrow(RangeError);
  });
});

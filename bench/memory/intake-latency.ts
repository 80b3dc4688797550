/**
 * Does building reports slow intake down? Intake latency (single-alert generic requests from
 * a few concurrent senders) measured in rounds, each round once with nothing else running and
 * once while reports build back to back, alternately, so that whatever else the machine does
 * falls on both sides alike. Every probe sends the same number of requests from the same
 * senders; a busy probe starts with a build under way, and the next idle probe starts only
 * after the last build has ended.
 */
import { percentile } from '../bench-result.ts';
import { sendFromWorker } from '../storm/senders.ts';
import { buildReport } from './memory-client.ts';
import { MEMORY_SECRET } from './memory-secret.ts';

export interface LatencyRound {
  readonly idle: { p50: number; p99: number };
  readonly busy: { p50: number; p99: number };
  /** Reports built during the busy probe. */
  readonly builds: number;
}

export interface LatencyComparison {
  readonly rounds: readonly LatencyRound[];
  /** Every round's samples together. */
  readonly idle: { p50: number; p99: number };
  readonly busy: { p50: number; p99: number };
}

async function probe(url: string, tag: string, requests: number, senders: number): Promise<Float64Array> {
  const bodies = Array.from({ length: requests }, (_, i) => JSON.stringify({ id: `${tag}-${i}`, title: `Latency probe ${i}`, priority: 'low' }));
  const sent = await sendFromWorker({ url: `${url}/webhooks/generic`, secret: MEMORY_SECRET, bodies, senders });
  if (sent.answered !== requests) throw new Error(`only ${sent.answered} of ${requests} latency probes answered 2xx`);
  return sent.latencies;
}

function summary(samples: readonly Float64Array[]): { p50: number; p99: number } {
  const all = new Float64Array(samples.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of samples) {
    all.set(s, at);
    at += s.length;
  }
  all.sort();
  return { p50: percentile(all, 0.5), p99: percentile(all, 0.99) };
}

export async function compareIntakeLatency(options: { url: string; date: string; rounds: number; requests: number; senders: number }): Promise<LatencyComparison> {
  const { url, date, requests, senders } = options;
  const rounds: LatencyRound[] = [];
  const idleSamples: Float64Array[] = [];
  const busySamples: Float64Array[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    const idle = await probe(url, `idle-${round}`, requests, senders);
    let building = true;
    let builds = 0;
    const reports = (async () => {
      while (building) {
        await buildReport(url, date);
        builds += 1;
      }
    })();
    const busy = await probe(url, `busy-${round}`, requests, senders);
    building = false;
    await reports;
    idleSamples.push(idle);
    busySamples.push(busy);
    rounds.push({ idle: summary([idle]), busy: summary([busy]), builds });
    const last = rounds.at(-1) as LatencyRound;
    console.error(`  latency round ${round + 1}/${options.rounds}: p99 idle ${last.idle.p99.toFixed(0)} ms, building ${last.busy.p99.toFixed(0)} ms (${builds} builds)`);
  }
  return { rounds, idle: summary(idleSamples), busy: summary(busySamples) };
}

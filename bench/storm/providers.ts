/** Starts provider-process.ts in a child process and reads its records over HTTP. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ProviderStats {
  readonly emails: { subject: string; at: number }[];
  readonly throttled: number;
  readonly posts: { path: string; text: string; at: number }[];
  readonly limited: number;
}

export async function startProviders(emailRate: number, slackRate: number, refuseFirst: number) {
  const script = fileURLToPath(new URL('./provider-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(emailRate), String(slackRate), String(refuseFirst)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`provider process exited (${code})`)));
  });
  const { ses, slack } = JSON.parse(line) as { ses: string; slack: string };
  return {
    ses,
    slack,
    stats: async (): Promise<ProviderStats> => {
      const [s, k] = await Promise.all([fetch(`${ses}/stats`).then((r) => r.json()), fetch(`${slack}/stats`).then((r) => r.json())]);
      const sesStats = s as { accepted: { subject: string; at: number }[]; throttled: number };
      const slackStats = k as { accepted: { path: string; text: string; at: number }[]; limited: number };
      return { emails: sesStats.accepted, throttled: sesStats.throttled, posts: slackStats.accepted, limited: slackStats.limited };
    },
    stop: () => child.kill('SIGTERM'),
  };
}

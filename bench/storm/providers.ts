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

/** A busy machine may drop a connection now and then: try a few times. */
async function getJson(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await (await fetch(url)).json();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
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
      const [s, k] = await Promise.all([getJson(`${ses}/stats`), getJson(`${slack}/stats`)]);
      const sesStats = s as { accepted: { subject: string; at: number }[]; throttled: number };
      const slackStats = k as { accepted: { path: string; text: string; at: number }[]; limited: number };
      return { emails: sesStats.accepted, throttled: sesStats.throttled, posts: slackStats.accepted, limited: slackStats.limited };
    },
    stop: () => child.kill('SIGTERM'),
  };
}

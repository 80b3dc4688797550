/**
 * Secrets of the local stack: one per default integration, an API key, a metrics token and
 * the link-signing secret. Generated on the first run and kept in `<dataDir>/secrets.json`
 * (mode 0600) so that webhook URLs, tokens in emails, API keys and scrape configurations stay
 * valid across restarts. The metrics token is also written alone to `<dataDir>/metrics-token`
 * (mode 0600), the file a Prometheus scrape config names as `credentials_file`.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOCAL_INTEGRATIONS = [
  { id: 'alertmanager', format: 'alertmanager' },
  { id: 'grafana', format: 'grafana' },
  { id: 'pagerduty', format: 'pagerduty' },
  { id: 'uptime-kuma', format: 'uptime-kuma' },
  { id: 'generic', format: 'generic' },
] as const;

export interface LocalSecrets {
  readonly integrations: Readonly<Record<string, string>>;
  readonly apiKey: string;
  readonly metricsToken: string;
  readonly linkSecret: string;
}

/** The file holding only the metrics token, for Prometheus's `credentials_file`. */
export function metricsTokenFile(dataDir: string): string {
  return join(dataDir, 'metrics-token');
}

export async function loadOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = join(dataDir, 'secrets.json');
  const existing = await readExisting(file);
  const integrations: Record<string, string> = { ...existing?.integrations };
  let changed = existing === null;
  for (const { id } of LOCAL_INTEGRATIONS) {
    if (!integrations[id]) {
      integrations[id] = token();
      changed = true;
    }
  }
  const secrets: LocalSecrets = {
    integrations,
    apiKey: existing?.apiKey ?? token(),
    metricsToken: existing?.metricsToken ?? token(),
    linkSecret: existing?.linkSecret ?? randomBytes(32).toString('base64url'),
  };
  if (changed || !existing?.apiKey || !existing.metricsToken || !existing.linkSecret) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  await writeFile(metricsTokenFile(dataDir), secrets.metricsToken, { mode: 0o600 });
  // `mode` applies only when a file is created: keep an older, looser file private too.
  await chmod(file, 0o600);
  await chmod(metricsTokenFile(dataDir), 0o600);
  return secrets;
}

/** 32 alphanumeric characters: valid as a PagerDuty routing key and as a bearer secret. */
function token(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(64);
  let out = '';
  for (const byte of bytes) {
    // 248 = 4 * 62: drop the top values so every character is equally likely.
    if (byte < 248) out += alphabet[byte % 62];
    if (out.length === 32) return out;
  }
  return out + token().slice(out.length);
}

async function readExisting(file: string): Promise<Partial<LocalSecrets> | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<LocalSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
}

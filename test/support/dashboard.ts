/** The Grafana dashboard of contrib/grafana, as the tests read it. */
import { readFileSync } from 'node:fs';

export interface DashboardTarget {
  readonly expr: string;
  readonly datasource: { readonly uid: string };
}

export function dashboard(): { __inputs: { name: string; type: string; pluginId: string }[]; panels: { title: string; datasource: { uid: string }; targets: DashboardTarget[] }[] } {
  return JSON.parse(readFileSync(new URL('../../contrib/grafana/sla-watch.json', import.meta.url), 'utf8'));
}

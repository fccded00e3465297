import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/index';

/**
 * The compose file and the Kubernetes manifests cannot run here (no Docker, no cluster): this
 * keeps them true to the apps instead. Every variable they set must be one an app reads, every
 * app gets what it requires, and every command points at an entry file that exists.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const APP_SETTINGS: Record<string, readonly string[]> = {
  api: [],
  cli: [],
  projector: [
    'PROJECTOR_PROVINCES',
    'PROJECTOR_BATCH_SIZE',
    'PROJECTOR_POLICY',
    'PROJECTOR_METRICS_PORT',
  ],
  reporter: ['REPORT_CRON', 'REPORT_TZ', 'REPORTER_CONCURRENCY', 'REPORTER_METRICS_PORT'],
  admin: ['ADMIN_PORT', 'API_URL', 'NODE_ENV'],
};
const shared = Object.keys(configSchema.shape);

type Container = { name: string; command: string; env: Set<string> };

function appOf(command: string): string {
  const m = /cd apps\/(\w+)/.exec(command);
  if (!m?.[1]) throw new Error(`no app in command: ${command}`);
  return m[1];
}
function entryOf(command: string): string {
  const m = /cd (apps\/\w+) && node --import tsx (\S+)/.exec(command);
  if (!m) throw new Error(`unexpected command: ${command}`);
  return `${m[1]}/${m[2]}`;
}

function composeContainers(): Container[] {
  const [doc] = parseAllDocuments(readFileSync(`${root}infra/compose.yaml`, 'utf8'), {
    merge: true,
  });
  const services = (
    doc!.toJS({ maxAliasCount: 100 }) as {
      services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
    }
  ).services;
  return Object.entries(services)
    .filter(([, s]) => s.command?.join(' ').includes('apps/'))
    .map(([name, s]) => ({
      name,
      command: s.command!.join(' '),
      env: new Set(Object.keys(s.environment ?? {})),
    }));
}

function k8sContainers(): Container[] {
  const docs = readdirSync(`${root}infra/k8s`)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .flatMap((f) =>
      parseAllDocuments(readFileSync(`${root}infra/k8s/${f}`, 'utf8')).map(
        (d) => d.toJS() as Record<string, unknown>,
      ),
    );
  const configMap = docs.find((d) => d.kind === 'ConfigMap') as { data: Record<string, string> };
  const secret = docs.find((d) => d.kind === 'Secret') as { stringData: Record<string, string> };
  const out: Container[] = [];
  for (const d of docs) {
    const spec = (d.spec as { template?: { spec?: { containers?: unknown[] } } } | undefined)
      ?.template?.spec;
    for (const c of (spec?.containers ?? []) as {
      name: string;
      command: string[];
      env?: { name: string }[];
      envFrom?: { configMapRef?: unknown; secretRef?: unknown }[];
    }[]) {
      const env = new Set((c.env ?? []).map((e) => e.name));
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) Object.keys(configMap.data).forEach((k) => env.add(k));
        if (from.secretRef) Object.keys(secret.stringData).forEach((k) => env.add(k));
      }
      out.push({
        name: `${String((d.metadata as { name: string }).name)}/${c.name}`,
        command: c.command.join(' '),
        env,
      });
    }
  }
  return out;
}

describe.each([
  ['infra/compose.yaml', composeContainers],
  ['infra/k8s', k8sContainers],
])('%s', (_where, containers) => {
  it('starts apps through entry files that exist', () => {
    for (const c of containers())
      expect(existsSync(`${root}${entryOf(c.command)}`), `${c.name}: ${c.command}`).toBe(true);
  });

  it('sets only variables the apps read, and what each app requires', () => {
    for (const c of containers()) {
      const app = appOf(c.command);
      const known =
        app === 'admin' ? APP_SETTINGS.admin! : [...shared, ...(APP_SETTINGS[app] ?? [])];
      for (const v of c.env) expect(known, `${c.name} sets ${v}`).toContain(v);
      if (app !== 'admin') {
        expect([...c.env], `${c.name} needs DATABASE_URL`).toContain('DATABASE_URL');
        expect([...c.env], `${c.name} runs in production and needs AUTH_SECRET`).toContain(
          'AUTH_SECRET',
        );
      } else {
        expect([...c.env]).toContain('API_URL');
      }
    }
  });
});

// `npm start`: migrate, load the demo data, start every app of the platform, print the URLs.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const run = (args) => {
  const r = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['--silent', 'sakip', 'db', 'migrate']);
run(['--silent', 'sakip', 'demo', 'seed']);
run(['--silent', '--filter', '@sakip/admin', 'build']);

// Node runs each app directly (tsx loader) so signals reach it without a package manager between.
const adminPort = process.env.ADMIN_PORT ?? '5173';
const apps = [
  { name: 'api', cwd: 'apps/api', entry: 'src/main.ts', env: {} },
  { name: 'projector', cwd: 'apps/projector', entry: 'src/main.ts', env: {} },
  { name: 'reporter', cwd: 'apps/reporter', entry: 'src/main.ts', env: {} },
  {
    name: 'admin',
    cwd: 'apps/admin',
    entry: 'src/server/serve.ts',
    env: { API_URL: `http://127.0.0.1:${port}`, ADMIN_PORT: adminPort },
  },
];
const urls = {};
const children = apps.map(({ name, cwd, entry, env }) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, PORT: port, ...env },
  });
  child.stdout.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      process.stdout.write(`[${name}] ${line}\n`);
      const listening = /"msg":"sakip (api|admin) listening"/.exec(line);
      if (listening) {
        urls[listening[1]] = JSON.parse(line).url;
        if (urls.api && urls.admin) {
          process.stdout.write(
            `\n  SAKIP berjalan / is running\n  Admin:       ${urls.admin}\n  API (tRPC):  ${urls.api}/trpc\n  Health:      ${urls.api}/health\n  Akun demo / demo accounts: README.md (kata sandi / password: sakip-demo-2026)\n\n`,
          );
        }
      }
    }
  });
  child.on('exit', (code) => {
    process.stdout.write(`[${name}] exited with ${code}\n`);
    shutdown(code ?? 1);
  });
  return child;
});

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

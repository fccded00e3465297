// `npm start`: migrate, load the demo data, start every app of the platform, print the URLs.
import { spawn, spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const run = (args) => {
  const r = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['--silent', 'sakip', 'db', 'migrate']);
run(['--silent', 'sakip', 'demo', 'seed']);

// Node runs each app directly (tsx loader) so signals reach it without a package manager between.
const apps = [{ name: 'api', cwd: 'apps/api', entry: 'src/main.ts' }];
const children = apps.map(({ name, cwd, entry }) => {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PORT: port } });
  child.stdout.on('data', (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      process.stdout.write(`[${name}] ${line}\n`);
      if (line.includes('"sakip api listening"')) {
        const { url } = JSON.parse(line);
        process.stdout.write(
          `\n  SAKIP berjalan / is running\n  API (tRPC):  ${url}/trpc\n  Health:      ${url}/health\n  Akun demo / demo accounts: see README.md (password: sakip-demo-2026)\n\n`,
        );
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

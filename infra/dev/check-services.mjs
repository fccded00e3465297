// Fails early, with the fix, when PostgreSQL or Redis is not reachable.
import net from 'node:net';

const targets = [
  {
    name: 'PostgreSQL',
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sakip',
    port: 5432,
    hint: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis',
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    port: 6379,
    hint: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
  },
];

const reachable = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

let ok = true;
for (const t of targets) {
  const u = new URL(t.url);
  if (!(await reachable(u.hostname, Number(u.port || t.port)))) {
    ok = false;
    console.error(
      `[sakip] ${t.name} tidak dapat dihubungi / is not reachable at ${u.hostname}:${u.port || t.port}. Start it, e.g.: ${t.hint}`,
    );
  }
}
if (!ok) process.exit(1);

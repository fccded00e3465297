import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Kafka test broker: a real Kafka-protocol broker process on loopback, built from
 * infra/kafka-test-broker/broker.c (librdkafka mock cluster). See that README.
 *
 * Quirks of the mock that tests must respect:
 * - topics are created here (launcher args / createTopic), never with kafkajs admin.createTopics;
 * - producers must use idempotent: false (see producerConfig in ../kafka);
 * - down(id) disconnects a broker but does NOT move partition leadership: producers
 *   to partitions it leads retry until up(id).
 */

export interface KafkaTestTopic {
  name: string;
  partitions: number;
}

export interface StartKafkaTestBrokerOptions {
  /** Number of brokers (ids 1..n). Default 3. Replication factor is min(3, n). */
  brokers?: number;
  topics: KafkaTestTopic[];
  /** How long to wait for the ready line. Default 15 s (includes nothing of the build). */
  readyTimeoutMs?: number;
}

export interface KafkaTestBroker {
  /** host:port list, for kafkajs `brokers`. */
  bootstrap: string[];
  brokerIds: number[];
  /** Disconnect broker `id` and refuse new connections (leadership does not move). */
  down(id: number): Promise<void>;
  up(id: number): Promise<void>;
  createTopic(name: string, partitions: number): Promise<void>;
  /** Move the leader of one partition (extra: librdkafka rd_kafka_mock_partition_set_leader). */
  setLeader(topic: string, partition: number, brokerId: number): Promise<void>;
  /** Stop the broker process and wait for it to exit. Idempotent. */
  stop(): Promise<void>;
}

const COMMAND_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 5_000;

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `kafka-test-broker: no pnpm-workspace.yaml above ${fileURLToPath(import.meta.url)}`,
      );
    dir = parent;
  }
}

let builtBinary: string | undefined;

/** Runs infra/kafka-test-broker/build.sh once per process and returns the binary path. */
export function ensureKafkaTestBrokerBuilt(): string {
  if (builtBinary) return builtBinary;
  const dir = join(findRepoRoot(), 'infra', 'kafka-test-broker');
  try {
    execFileSync('sh', [join(dir, 'build.sh')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`kafka-test-broker: build.sh failed: ${(error as Error).message}\n${stderr}`);
  }
  builtBinary = join(dir, 'bin', 'sakip-kafka-mock');
  return builtBinary;
}

const live = new Set<ChildProcessWithoutNullStreams>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a test forgets stop(): never leave broker processes behind.
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

function validateTopic(name: string, partitions: number): void {
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(name))
    throw new Error(`kafka-test-broker: invalid topic name '${name}'`);
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error(`kafka-test-broker: invalid partition count ${partitions} for '${name}'`);
}

export async function startKafkaTestBroker(
  options: StartKafkaTestBrokerOptions,
): Promise<KafkaTestBroker> {
  const brokers = options.brokers ?? 3;
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 64)
    throw new Error(`kafka-test-broker: invalid broker count ${brokers}`);
  for (const t of options.topics) validateTopic(t.name, t.partitions);
  const binary = ensureKafkaTestBrokerBuilt();

  const child = spawn(
    binary,
    [String(brokers), ...options.topics.map((t) => `${t.name}:${t.partitions}`)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  live.add(child);
  installExitHook();

  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  // Writes after the process died must not crash the test run.
  child.stdin.on('error', () => {});

  let exited = false;
  let exitInfo = '';
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('close', (code, signal) => {
      exited = true;
      exitInfo = signal ? `signal ${signal}` : `code ${code}`;
      live.delete(child);
      failPending(new Error(`kafka-test-broker exited (${exitInfo})\n${stderr}`));
      resolve();
    });
  });

  type Pending = { resolve: (line: string) => void; reject: (error: Error) => void };
  const pending: Pending[] = [];
  let onReady: Pending | undefined;
  function failPending(error: Error): void {
    onReady?.reject(error);
    onReady = undefined;
    for (const p of pending.splice(0)) p.reject(error);
  }

  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (onReady) {
      const r = onReady;
      onReady = undefined;
      r.resolve(line);
      return;
    }
    pending.shift()?.resolve(line);
  });

  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  let readyLine: string;
  try {
    readyLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `kafka-test-broker: no ready line within ${readyTimeoutMs} ms\nstderr:\n${stderr}`,
            ),
          ),
        readyTimeoutMs,
      );
      onReady = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      child.once('error', (error) =>
        onReady?.reject(new Error(`kafka-test-broker: spawn failed: ${error.message}`)),
      );
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let ready: { bootstrap: string; brokers: number[] };
  try {
    ready = JSON.parse(readyLine) as { bootstrap: string; brokers: number[] };
  } catch {
    child.kill('SIGKILL');
    throw new Error(`kafka-test-broker: unexpected ready line: ${readyLine}\nstderr:\n${stderr}`);
  }

  // Commands are answered in order, one line each, so a FIFO of waiters is enough.
  async function command(line: string): Promise<void> {
    if (exited)
      throw new Error(
        `kafka-test-broker: cannot send '${line}', process exited (${exitInfo})\n${stderr}`,
      );
    const answer = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`kafka-test-broker: no answer to '${line}' within ${COMMAND_TIMEOUT_MS} ms`),
          ),
        COMMAND_TIMEOUT_MS,
      );
      pending.push({
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.stdin.write(`${line}\n`);
    });
    if (answer !== 'ok') throw new Error(`kafka-test-broker: '${line}' failed: ${answer}`);
  }

  let stopping: Promise<void> | undefined;
  return {
    bootstrap: ready.bootstrap.split(',').filter(Boolean),
    brokerIds: ready.brokers,
    down: (id) => command(`down ${id}`),
    up: (id) => command(`up ${id}`),
    createTopic: async (name, partitions) => {
      validateTopic(name, partitions);
      await command(`topic ${name} ${partitions}`);
    },
    setLeader: (topic, partition, brokerId) => {
      validateTopic(topic, 1);
      return command(`leader ${topic} ${partition} ${brokerId}`);
    },
    stop: () => {
      stopping ??= (async () => {
        if (exited) return;
        // EOF on stdin = clean shutdown (cluster destroyed). librdkafka's mock thread
        // takes up to ~1 s to notice; kill if it hangs.
        child.stdin.end();
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exitedPromise;
        clearTimeout(timer);
        lines.close();
      })();
      return stopping;
    },
  };
}

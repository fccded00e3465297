import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ key prefix of one test file, so its queues never touch another's or the platform's. */
export const testQueuePrefix = (): string => `test-${randomUUID()}`;

/**
 * Deletes every key under a test's prefix. BullMQ's obliterate leaves the queue's meta key
 * behind, so tests clean up by prefix instead.
 */
export async function dropRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  if (!prefix.startsWith('test-')) throw new Error(`refusing to drop non-test prefix "${prefix}"`);
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

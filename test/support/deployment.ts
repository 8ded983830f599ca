/**
 * Test support for Node tests (not a test file): a deployment of reference servers, as a test
 * that starts several instances sees it. On Redis (`redisUrl`) its instances share one store
 * under a key prefix of their own, so tests sharing one `redis-server` never see each other's
 * keys; without it each instance has its own memory store. Every instance logs into `logs`.
 */
import { createClient } from 'redis';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';

export interface Deployment {
  /** Starts one more instance (`more` over the deployment's options). */
  start(more?: ChatServerOptions): Promise<ChatServer>;
  /** What every instance logged, in order. */
  logs: Record<string, unknown>[];
  /** The key prefix of its Redis store. */
  prefix: string;
}

let deployments = 0;

/**
 * A deployment whose instances answer at once, have no simulated agent, and take `extra`; on the
 * Redis at `redisUrl` (a fresh prefix that starts with `name`) or, without one, in memory.
 */
export function deployment(
  redisUrl: string | undefined,
  extra: ChatServerOptions = {},
  name = 'test',
): Deployment {
  const prefix = `${name}-${process.pid}-${deployments++}:`;
  const logs: Record<string, unknown>[] = [];
  return {
    logs,
    prefix,
    start: (more = {}) =>
      startChatServer({
        port: 0,
        replyDelay: 0,
        simulatedAgent: false,
        log: (entry) => logs.push(entry),
        ...(redisUrl === undefined ? {} : { store: redisUrl, storePrefix: prefix }),
        ...extra,
        ...more,
      }),
  };
}

/** Runs `test` on one instance of `d`, closed when the test ends (passed or not). */
export async function onOneInstance(
  d: Deployment,
  test: (server: ChatServer, d: Deployment) => Promise<void>,
): Promise<void> {
  const server = await d.start();
  try {
    await test(server, d);
  } finally {
    await server.close();
  }
}

/** Runs `test` on two instances of `d`, both closed when the test ends (passed or not). */
export async function onTwoInstances(
  d: Deployment,
  test: (a: ChatServer, b: ChatServer, d: Deployment) => Promise<void>,
): Promise<void> {
  const a = await d.start();
  try {
    const b = await d.start();
    try {
      await test(a, b, d);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}

/** Everything stored under `prefix` in the Redis at `redisUrl`, every value as JSON, as one string. */
export async function storedInRedis(redisUrl: string, prefix: string): Promise<string> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  try {
    let out = '';
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) {
      for (const key of [keys].flat()) {
        const type = await client.type(key);
        const value =
          type === 'string'
            ? await client.get(key)
            : type === 'hash'
              ? await client.hGetAll(key)
              : type === 'stream'
                ? await client.xRange(key, '-', '+')
                : type === 'list'
                  ? await client.lRange(key, 0, -1)
                  : type === 'zset'
                    ? await client.zRange(key, 0, -1)
                    : await client.sMembers(key);
        out += JSON.stringify(value);
      }
    }
    return out;
  } finally {
    await client.quit();
  }
}

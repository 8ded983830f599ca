/**
 * Test support for Node tests (not a test file): a deployment of reference servers, as a test
 * that starts several instances sees it. On Redis (`redisUrl`) its instances share one store
 * under a key prefix of their own, so tests sharing one `redis-server` never see each other's
 * keys; without it each instance has its own memory store. Every instance logs into `logs`.
 */
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

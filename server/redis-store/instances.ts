/**
 * The instances sharing a Redis store: each one's heartbeat key (`instance:{id}`, expiring
 * `HEARTBEAT_TTL_MS` after its last beat), which tells the others when it has stopped, and the
 * event streams it holds (`stream:{id}`, refreshed with the heartbeat), so that an event
 * stream's POSTs reach it from any instance.
 */
import type { StreamRegistry } from '../store.js';
import type { RedisClient } from './scripts.js';

export const HEARTBEAT_MS = 1000;
const HEARTBEAT_TTL_MS = 5000;
/** An event stream's key outlives a crash of its instance by at most this long. */
const STREAM_TTL_MS = 60_000;

export class Instances {
  readonly #cmd: RedisClient;
  readonly #prefix: string;
  readonly #instance: string;
  readonly #closed: () => boolean;
  /** Event streams held here, with their grants (their keys are refreshed with the heartbeat). */
  readonly #streams = new Map<string, string>();
  readonly streams: StreamRegistry = {
    claim: async (id, grant) => {
      // NX: an id some instance holds is not taken over (its grant would change under it).
      const set = await this.#cmd
        .sendCommand<string | null>(['SET', this.#streamKey(id), grant, 'NX', 'PX', String(STREAM_TTL_MS)])
        .catch(() => null);
      if (set !== 'OK') return false;
      this.#streams.set(id, grant);
      return true;
    },
    release: (id) => {
      this.#streams.delete(id);
      if (!this.#closed()) this.#cmd.sendCommand(['DEL', this.#streamKey(id)]).catch(() => undefined);
    },
    held: async (id) =>
      this.#streams.get(id) ??
      (await this.#cmd.sendCommand<string | null>(['GET', this.#streamKey(id)])) ??
      undefined,
  };

  /** `closed`: whether the store has closed (then nothing is written any more). */
  constructor(cmd: RedisClient, prefix: string, instance: string, closed: () => boolean) {
    this.#cmd = cmd;
    this.#prefix = prefix;
    this.#instance = instance;
    this.#closed = closed;
  }

  #streamKey(id: string): string {
    return `${this.#prefix}stream:${id}`;
  }

  /** This instance is alive, and so are its event streams. */
  async beat(): Promise<void> {
    if (this.#closed()) return;
    try {
      await Promise.all([
        this.#cmd.sendCommand([
          'SET',
          `${this.#prefix}instance:${this.#instance}`,
          '1',
          'PX',
          String(HEARTBEAT_TTL_MS),
        ]),
        ...[...this.#streams.keys()].map((id) =>
          this.#cmd.sendCommand(['PEXPIRE', this.#streamKey(id), String(STREAM_TTL_MS)]),
        ),
      ]);
    } catch {
      // Redis unreachable: readiness says so.
    }
  }

  /** Those of `instances` whose heartbeat expired. */
  async dead(instances: readonly string[]): Promise<Set<string>> {
    const alive = await this.#cmd.sendCommand<(string | null)[]>([
      'MGET',
      ...instances.map((i) => `${this.#prefix}instance:${i}`),
    ]);
    return new Set(instances.filter((_, i) => alive[i] === null));
  }

  /** This instance stops: peers sign out its consoles at once instead of after the heartbeat expires. */
  async stop(): Promise<void> {
    try {
      await this.#cmd.sendCommand(['DEL', `${this.#prefix}instance:${this.#instance}`]);
    } catch {
      // Redis is gone: the key expires by itself.
    }
  }
}

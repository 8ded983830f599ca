/**
 * Per-address limits of the reference server: how many connections one client address may hold
 * open, a frame budget shared by all its connections, and the address itself (the socket's, or
 * the one a trusted reverse proxy put in `X-Forwarded-For`).
 *
 * IPv4-mapped IPv6 addresses count as their IPv4 address; other IPv6 addresses count per /64
 * (one host usually has a whole /64 to rotate through).
 */
import { isIP, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** A token bucket: `burst` frames at once, refilled at `perSecond`. */
export class RateLimiter {
  #tokens: number;
  #last = Date.now();
  readonly #burst: number;
  readonly #perSecond: number;

  constructor(burst: number, perSecond: number) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#tokens = burst;
  }

  #refill(): void {
    const now = Date.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
    this.#last = now;
  }

  take(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Whether anything is left (a bucket of work may be spent below zero: a debt). */
  get left(): boolean {
    this.#refill();
    return this.#tokens > 0;
  }

  /** Takes `amount` whatever is left: work is known only once done, and is paid back over time. */
  spend(amount: number): void {
    this.#refill();
    this.#tokens -= amount;
  }

  /** Whether the bucket is full again (nothing to remember about its owner). */
  get full(): boolean {
    this.#refill();
    return this.#tokens >= this.#burst;
  }
}

export interface Rate {
  burst: number;
  perSecond: number;
}

/** Refused frames within FLOOD_WINDOW_MS after which a connection is closed (1008). */
export const FLOOD_WINDOW_MS = 10_000;

/**
 * The work budget of one connection (in characters of messages: the server's time per message
 * grows with its length), its own bucket and its address's shared one; a message waits for
 * both to be out of debt (a budget may go below zero: the message that does it is taken).
 */
export class WorkBudget {
  readonly #own: RateLimiter;
  readonly #address: RateLimiter;

  constructor(own: RateLimiter, address: RateLimiter) {
    this.#own = own;
    this.#address = address;
  }

  get left(): boolean {
    return this.#own.left && this.#address.left;
  }

  charge(ms: number): void {
    this.#own.spend(ms);
    this.#address.spend(ms);
  }
}

/**
 * The frame budget of one connection: its own bucket and its address's shared bucket. A
 * connection that keeps sending after being refused `floodLimit` times within
 * FLOOD_WINDOW_MS is a flood: the caller closes it.
 */
export class FrameBudget {
  readonly #own: RateLimiter;
  readonly #address: RateLimiter;
  readonly #floodLimit: number;
  #refused = 0;
  #windowStart = 0;

  constructor(own: RateLimiter, address: RateLimiter, floodLimit: number) {
    this.#own = own;
    this.#address = address;
    this.#floodLimit = floodLimit;
  }

  take(): 'ok' | 'limited' | 'flood' {
    if (this.#own.take() && this.#address.take()) return 'ok';
    return this.refuse();
  }

  /** Counts a frame refused (for frames, or for work) towards the flood limit. */
  refuse(): 'limited' | 'flood' {
    const now = Date.now();
    if (now - this.#windowStart > FLOOD_WINDOW_MS) {
      this.#windowStart = now;
      this.#refused = 0;
    }
    this.#refused += 1;
    return this.#refused > this.#floodLimit ? 'flood' : 'limited';
  }
}

/** Expands an IPv6 address to 8 groups of 4 hex digits (no `::`, no embedded IPv4). */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase().split('%')[0] ?? '';
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => g.padStart(4, '0'));
}

/**
 * The key limits are counted under: an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64 prefix. Anything unparsable counts as itself.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/**
 * The client's address: the socket's, unless `trustProxy` says that many reverse proxies stand
 * in front of the server; then the entry of `X-Forwarded-For` that the outermost trusted proxy
 * added (entries further left are whatever the client claimed, and are ignored). A missing or
 * malformed header falls back to the socket's address.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const entry = entries[entries.length - trustProxy];
  return entry !== undefined && isIP(entry) ? entry : socketAddress;
}

export interface AddressPolicy {
  /** Most open connections (WebSockets and event streams) per address. */
  maxConnections: number;
  /** When set, agent consoles count in their own pool with this limit; otherwise with customers. */
  maxAgentConnections: number | undefined;
  /** Frames per address, shared by all its connections; opening a connection takes one too. */
  rate: Rate;
  /** Milliseconds of work per address, shared by all its connections (`WorkBudget`). */
  work: Rate;
  /**
   * Failed agent sign-ins per address within AUTH_WINDOW_MS before its consoles are refused.
   * When sign-in needs a secret, a console that has not signed in yet holds one of these
   * guesses, so consoles opened in parallel get no more guesses than the limit.
   */
  maxAuthFailures: number;
  /** Agent sign-in needs a secret (otherwise there is nothing to guess). */
  authRequired: boolean;
}

export const AUTH_WINDOW_MS = 10 * 60_000;

interface AddressEntry {
  customers: number;
  agents: number;
  readonly bucket: RateLimiter;
  readonly work: RateLimiter;
  authFailures: number[];
  /** Consoles admitted that have not signed in or failed yet: each holds a guess. */
  guessing: number;
  /** When a refusal was last logged (refusals are logged at most every 10 s per address). */
  loggedAt: number;
}

export type Admission =
  | {
      ok: true;
      release: () => void;
      bucket: RateLimiter;
      /** The address's shared work bucket (ms). */
      work: RateLimiter;
      /** A console signed in (its guess is given back) or was refused (its guess counts). */
      signedIn: () => void;
      authFailed: () => void;
    }
  | { ok: false; reason: 'too-many-connections' | 'rate-limited' | 'locked'; log: boolean };

/** Connection counts and shared budgets by address. Forgets idle addresses every 30 s. */
export class AddressTable {
  readonly #policy: AddressPolicy;
  readonly #entries = new Map<string, AddressEntry>();
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(policy: AddressPolicy) {
    this.#policy = policy;
    this.#sweep = setInterval(() => this.#forgetIdle(), 30_000);
    this.#sweep.unref();
  }

  #entry(key: string): AddressEntry {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = {
        customers: 0,
        agents: 0,
        bucket: new RateLimiter(this.#policy.rate.burst, this.#policy.rate.perSecond),
        work: new RateLimiter(this.#policy.work.burst, this.#policy.work.perSecond),
        authFailures: [],
        guessing: 0,
        loggedAt: 0,
      };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #recentFailures(entry: AddressEntry): number {
    const since = Date.now() - AUTH_WINDOW_MS;
    entry.authFailures = entry.authFailures.filter((t) => t > since);
    return entry.authFailures.length;
  }

  /**
   * Takes a connection slot for `address`, or says why not. `release` gives the slot back (it
   * is safe to call more than once).
   */
  admit(address: string, kind: 'customer' | 'agent'): Admission {
    const entry = this.#entry(addressKey(address));
    const separate = this.#policy.maxAgentConnections !== undefined;
    const refuse = (reason: 'too-many-connections' | 'rate-limited' | 'locked'): Admission => {
      const now = Date.now();
      const log = now - entry.loggedAt > 10_000;
      if (log) entry.loggedAt = now;
      return { ok: false, reason, log };
    };
    const guesses = kind === 'agent' && this.#policy.authRequired;
    if (
      kind === 'agent' &&
      this.#recentFailures(entry) + (guesses ? entry.guessing : 0) >= this.#policy.maxAuthFailures
    ) {
      return refuse('locked');
    }
    const open =
      kind === 'agent' && separate
        ? entry.agents
        : separate
          ? entry.customers
          : entry.customers + entry.agents;
    const limit =
      kind === 'agent' && separate ? (this.#policy.maxAgentConnections ?? 0) : this.#policy.maxConnections;
    if (open >= limit) return refuse('too-many-connections');
    if (!entry.bucket.take()) return refuse('rate-limited');
    if (kind === 'agent') entry.agents += 1;
    else entry.customers += 1;
    if (guesses) entry.guessing += 1;
    let released = false;
    let settled = !guesses;
    const settle = (failed: boolean): void => {
      if (failed) entry.authFailures.push(Date.now());
      if (settled) return;
      settled = true;
      entry.guessing -= 1;
    };
    return {
      ok: true,
      bucket: entry.bucket,
      work: entry.work,
      release: () => {
        settle(false);
        if (released) return;
        released = true;
        if (kind === 'agent') entry.agents -= 1;
        else entry.customers -= 1;
      },
      signedIn: () => settle(false),
      authFailed: () => settle(true),
    };
  }

  /** The shared work bucket of an address (an event-stream POST's, which has no slot here). */
  work(address: string): RateLimiter {
    return this.#entry(addressKey(address)).work;
  }

  /** How many addresses are remembered (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  #forgetIdle(): void {
    for (const [key, entry] of this.#entries) {
      if (
        entry.customers === 0 &&
        entry.agents === 0 &&
        entry.bucket.full &&
        entry.work.full &&
        this.#recentFailures(entry) === 0
      ) {
        this.#entries.delete(key);
      }
    }
  }

  close(): void {
    clearInterval(this.#sweep);
  }
}

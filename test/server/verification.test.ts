/**
 * The identity check (server/verification): the verifier's rules with a fake clock, and the
 * whole exchange over the real protocol, an agent console asking, the customer answering, in
 * memory and in a real Redis, with every frame on both sockets, the stores' contents and the log
 * scanned for the code: it reaches the out-of-band service and the verifier, nothing else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import type { Cardmember, OutOfBand } from '../../server/verification/index.js';
import {
  answerPush,
  cancelCheck,
  checkCode,
  expireIfDue,
  openCheck,
  startMethod,
} from '../../server/verification/verifier.js';
import type { VerifierOptions } from '../../server/verification/verifier.js';
import { PROTOCOL_VERSION, parseServerFrame } from '../../src/protocol.js';
import type { VerifyFrame } from '../../src/protocol.js';
import { Agent, Customer, Peer, none, withServer } from '../support/contact-center.js';
import type { Frame } from '../support/contact-center.js';
import { sharedRedis } from '../support/cluster.js';
import { storedConversations } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

/** A clock the test moves. */
function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

const TTL = 5 * 60_000;

function verifier(clock = fakeClock()): VerifierOptions & { advance: (ms: number) => void } {
  return { ttlMs: TTL, maxTries: 3, now: clock.now, advance: clock.advance };
}

function codeOf(result: ReturnType<typeof startMethod>): string {
  assert.ok('secret' in result, 'a secret was made');
  return result.secret;
}

/** A different code of the same length. */
const wrongCode = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('verifier', () => {
  it('verifies the right code, and keeps a salted hash of it, never the code', () => {
    const options = verifier();
    const v = openCheck('agent', options);
    const code = codeOf(startMethod(v, 'code', options));
    assert.match(code, /^\d{6}$/);
    const kept = JSON.stringify(v);
    assert.ok(!kept.includes(code), 'the state holds no code');
    assert.match(v.hash ?? '', /^[0-9a-f]{64}$/);
    assert.match(v.salt ?? '', /^[0-9a-f]{32}$/);
    // The same code under another check's salt hashes differently.
    const w = openCheck('agent', options);
    startMethod(w, 'code', options);
    assert.notEqual(v.salt, w.salt);
    assert.equal(checkCode(v, code, options), 'verified');
    assert.equal(v.status, 'verified');
    assert.equal(v.method, 'code');
    assert.equal(v.hash, undefined, 'the hash goes once verified');
  });

  it('counts wrong codes and ends the check at the third', () => {
    const options = verifier();
    const v = openCheck('agent', options);
    const code = codeOf(startMethod(v, 'code', options));
    assert.equal(checkCode(v, wrongCode(code), options), 'wrong');
    assert.equal(v.triesLeft, 2);
    assert.equal(v.wrong, true);
    assert.equal(checkCode(v, wrongCode(code), options), 'wrong');
    assert.equal(v.triesLeft, 1);
    assert.equal(checkCode(v, wrongCode(code), options), 'too-many-tries');
    assert.equal(v.status, 'failed');
    assert.equal(v.reason, 'too-many-tries');
    // The right code no longer opens it.
    assert.equal(checkCode(v, code, options), 'closed');
    assert.equal(v.status, 'failed');
  });

  it('expires after its time on the injected clock, and not a millisecond before', () => {
    const options = verifier();
    const v = openCheck('assistant', options);
    const code = codeOf(startMethod(v, 'code', options));
    options.advance(TTL - 1);
    assert.equal(expireIfDue(v, options), false);
    options.advance(1);
    assert.equal(checkCode(v, code, options), 'expired');
    assert.equal(v.status, 'failed');
    assert.equal(v.reason, 'expired');
    assert.equal(v.hash, undefined);
  });

  it('takes a push answer only with the prompt secret, and a denial fails it', () => {
    const options = verifier();
    const v = openCheck('agent', options);
    const secret = codeOf(startMethod(v, 'push', options));
    assert.ok(!JSON.stringify(v).includes(secret));
    assert.equal(answerPush(v, 'not-the-secret', true, options), 'unknown');
    assert.equal(v.status, 'push-sent');
    assert.equal(answerPush(v, secret, false, options), 'denied');
    assert.equal(v.reason, 'denied');
    const w = openCheck('agent', options);
    const again = codeOf(startMethod(w, 'push', options));
    assert.equal(answerPush(w, again, true, options), 'verified');
    assert.equal(w.method, 'push');
  });

  it('a late push approval is refused as expired', () => {
    const options = verifier();
    const v = openCheck('agent', options);
    const secret = codeOf(startMethod(v, 'push', options));
    options.advance(TTL);
    assert.equal(answerPush(v, secret, true, options), 'expired');
    assert.equal(v.status, 'failed');
  });

  it('a new method replaces the last secret; cancel closes only an open check', () => {
    const options = verifier();
    const v = openCheck('agent', options);
    const first = codeOf(startMethod(v, 'code', options));
    const second = codeOf(startMethod(v, 'code', options));
    if (first !== second) assert.equal(checkCode(v, first, options), 'wrong');
    assert.equal(checkCode(v, second, options), 'verified');
    assert.equal(cancelCheck(v), false);
    const w = openCheck('agent', options);
    assert.equal(cancelCheck(w), true);
    assert.equal(w.reason, 'cancelled');
  });
});

/** An out-of-band service that keeps what it was asked to send (the test's phone). */
class Phone implements OutOfBand {
  readonly codes: string[] = [];
  readonly prompts: { conversationId: string; secret: string }[] = [];
  #waiters: (() => void)[] = [];
  methods(to: Cardmember) {
    return to.account === undefined ? [] : (['push', 'code'] as const).slice();
  }
  push(_to: Cardmember, prompt: { conversationId: string; secret: string }): void {
    this.prompts.push(prompt);
    this.#wake();
  }
  code(_to: Cardmember, code: string): void {
    this.codes.push(code);
    this.#wake();
  }
  #wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }
  /** Resolves once something more than `count` was sent. */
  async sent(count: number): Promise<void> {
    while (this.codes.length + this.prompts.length <= count) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }
}

function verify(
  customer: Customer,
  test: (f: VerifyFrame) => boolean,
  what: string,
  timeout?: number,
): Promise<VerifyFrame> {
  return customer.peer.next((f): f is Frame<'verify'> => f.type === 'verify' && test(f), what, timeout);
}

/** A customer with an agent who took the chat. */
async function withAgent(
  server: ChatServer,
  lang: 'en' | 'es',
): Promise<{ customer: Customer; agent: Agent }> {
  const agent = await Agent.signIn(server, 'Maria', 'general');
  const customer = await Customer.join(server, lang);
  await customer.askForAgent();
  await agent.accept(customer.id);
  return { customer, agent };
}

/** Everything the test can see besides the out-of-band service, as text. */
function wire(customer: Customer, agent: Agent): string[] {
  return [...customer.peer.raw, ...agent.peer.raw];
}

/** Every key under `prefix` in Redis, with its value, as text. */
async function redisContents(url: string, prefix: string): Promise<string> {
  const client = createClient({ url });
  await client.connect();
  try {
    const out: string[] = [];
    for (const key of await client.keys(`${prefix}*`)) {
      const type = await client.type(key);
      if (type === 'string') out.push(key, (await client.get(key)) ?? '');
      else if (type === 'hash') out.push(key, JSON.stringify(await client.hGetAll(key)));
      else if (type === 'list') out.push(key, JSON.stringify(await client.lRange(key, 0, -1)));
      else if (type === 'set') out.push(key, JSON.stringify(await client.sMembers(key)));
      else if (type === 'zset') out.push(key, JSON.stringify(await client.zRange(key, 0, -1)));
      else if (type === 'stream') out.push(key, JSON.stringify(await client.xRange(key, '-', '+')));
      else out.push(key, `(${type})`);
    }
    return out.join('\n');
  } finally {
    await client.quit();
  }
}

/**
 * The code journey: the agent asks, the customer picks a code, types a wrong one, then the right
 * one; the code is then looked for everywhere but the phone and the verifier's frame.
 */
async function codeJourney(
  options: ChatServerOptions,
  lang: 'en' | 'es',
  contents: (server: ChatServer) => Promise<string>,
): Promise<void> {
  const phone = new Phone();
  await withServer({ debug: true, ...options, outOfBand: phone }, async (server, logs) => {
    const { customer, agent } = await withAgent(server, lang);
    agent.send({ type: 'verify', conversationId: customer.id });
    const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
    assert.ok(choose.state === 'choose');
    assert.deepEqual(choose.methods, ['push', 'code']);
    assert.ok(choose.expiresIn > 290 && choose.expiresIn <= 300);
    await agent.next('verification', (f) => f.status === 'requested');
    customer.peer.send({ type: 'verify-start', id: choose.id, method: 'code' });
    await phone.sent(0);
    const code = phone.codes[0] ?? '';
    const sent = await verify(customer, (f) => f.state === 'code-sent', 'code sent');
    assert.ok(sent.state === 'code-sent' && sent.triesLeft === 3 && sent.wrong === undefined);
    customer.peer.send({ type: 'verify-code', id: choose.id, code: wrongCode(code) });
    const wrong = await verify(customer, (f) => f.state === 'code-sent' && f.wrong === true, 'wrong code');
    assert.ok(wrong.state === 'code-sent' && wrong.triesLeft === 2);
    customer.peer.send({ type: 'verify-code', id: choose.id, code });
    const done = await verify(customer, (f) => f.state === 'verified', 'verified');
    assert.ok(done.state === 'verified' && done.method === 'code');
    await agent.next('verification', (f) => f.status === 'code');
    // The record keeps it: the end summary the agent starts from says so.
    agent.send({ type: 'end', conversationId: customer.id, summary: '' });
    const ended = await customer.notice('ended');
    assert.match(
      ended.notice?.code === 'ended' ? ended.notice.summary : '',
      lang === 'es' ? /Confirmó su identidad con un código/ : /confirmed your identity with a one-time code/,
    );

    // Every frame the server received (both sockets, with `debug`): the code only in verify-code.
    const received = options.debug
      ? ((await (await fetch(debugUrl(server.port, 'frames'))).json()) as { frames: string[] }).frames
      : [];
    assert.ok(!options.debug || received.some((t) => t.includes(code)), 'the verifier got the code');
    const scan = [
      ...wire(customer, agent),
      ...received,
      ...logs.map((l) => JSON.stringify(l)),
      await contents(server),
    ];
    const own = (text: string): boolean => text.includes('"type":"verify-code"');
    for (const text of scan)
      assert.ok(!text.includes(code) || own(text), `the code leaked: ${text.slice(0, 200)}`);
    // The customer's socket never carried it back, the console never saw it at all.
    assert.ok(!agent.peer.raw.some((t) => t.includes(code)));
    assert.ok(!customer.peer.raw.some((t) => t.includes(code)));
    assert.ok(logs.some((l) => l['msg'] === 'verification' && l['result'] === 'verified-code'));
  });
}

/** The memory store's contents: every conversation as it keeps it (the debug hook). */
async function memoryContents(server: ChatServer): Promise<string> {
  const res = await fetch(debugUrl(server.port, 'snapshots'));
  assert.equal(res.status, 200);
  return res.text();
}

describe('identity check over the protocol', () => {
  it('code right after a wrong one, in memory: the code is on no socket, log or store (en)', async () => {
    await codeJourney({ debug: true }, 'en', memoryContents);
  });

  it('the same in Spanish, and the memory store holds the check with its hash (es)', async () => {
    await codeJourney({ debug: true }, 'es', async (server) => {
      const contents = await memoryContents(server);
      assert.match(contents, /"verification":\{[^}]*"status":"verified"/);
      return contents;
    });
  });

  it('three wrong codes end it as too many tries; the agent sees Not verified (es)', async () => {
    const phone = new Phone();
    // Five code steps at once cost more than the default work budget (each 2,100 of 8,000): a
    // fast run met 'rate-limited' instead of the answer. The budget has tests of its own.
    const budget = { burst: 20_000, perSecond: 4000 };
    await withServer(
      { debug: true, outOfBand: phone, workBudget: budget, ipWorkBudget: budget },
      async (server) => {
        const { customer, agent } = await withAgent(server, 'es');
        agent.send({ type: 'verify', conversationId: customer.id });
        const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
        customer.peer.send({ type: 'verify-start', id: choose.id, method: 'code' });
        await phone.sent(0);
        const bad = wrongCode(phone.codes[0] ?? '');
        for (const left of [2, 1]) {
          customer.peer.send({ type: 'verify-code', id: choose.id, code: bad });
          await verify(customer, (f) => f.state === 'code-sent' && f.triesLeft === left, `${left} left`);
        }
        customer.peer.send({ type: 'verify-code', id: choose.id, code: bad });
        const failed = await verify(customer, (f) => f.state === 'failed', 'failed');
        assert.ok(failed.state === 'failed' && failed.reason === 'too-many-tries');
        await agent.next('verification', (f) => f.status === 'not-verified');
        // The right code is refused now too.
        customer.peer.send({ type: 'verify-code', id: choose.id, code: phone.codes[0] });
        await verify(customer, (f) => f.state === 'failed' && f !== failed, 'still failed');
      },
    );
  });

  it('an agent who does not hold the conversation cannot ask; without a service it is refused', async () => {
    await withServer({ debug: true }, async (server) => {
      const { customer, agent } = await withAgent(server, 'en');
      agent.send({ type: 'verify', conversationId: customer.id });
      const error = await agent.error('forbidden');
      assert.match(error.message, /not set up/);
      const other = await Agent.signIn(server, 'Luis', 'general');
      other.send({ type: 'verify', conversationId: customer.id });
      await other.error('forbidden');
    });
  });
});

async function deviceAnswer(
  server: ChatServer,
  conversationId: string,
  prompt: string,
  approve: boolean,
): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${server.port}/demo/device/answer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationId, prompt, approve }),
  });
  return res.status;
}

describe('identity check with the demo device', () => {
  /** The phone's event stream: every message it got. */
  async function follow(
    server: ChatServer,
    account: string,
  ): Promise<{ messages: unknown[]; close: () => void; next: () => Promise<Record<string, unknown>> }> {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${server.port}/demo/device?account=${account}`, {
      signal: controller.signal,
    });
    assert.equal(res.status, 200);
    const reader = res.body?.getReader();
    assert.ok(reader);
    const messages: Record<string, unknown>[] = [];
    let buffer = '';
    let taken = 0;
    return {
      messages,
      close: () => controller.abort(),
      async next() {
        while (messages.length <= taken) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the device stream ended');
          buffer += new TextDecoder().decode(value);
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) messages.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
          }
        }
        return messages[taken++] as Record<string, unknown>;
      },
    };
  }

  it('push approve, push deny, and a stranger without the prompt secret is refused (en, es)', async () => {
    await withServer({ debug: true, demoDevice: true }, async (server) => {
      const phone = await follow(server, 'card-1005');
      try {
        for (const [lang, approve] of [
          ['en', true],
          ['es', false],
        ] as const) {
          const { customer, agent } = await withAgent(server, lang);
          agent.send({ type: 'verify', conversationId: customer.id });
          const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
          customer.peer.send({ type: 'verify-start', id: choose.id, method: 'push' });
          const push = await phone.next();
          assert.equal(push['kind'], 'push');
          assert.equal(push['lang'], lang);
          assert.equal(await deviceAnswer(server, customer.id, 'guess', true), 404);
          assert.equal(await deviceAnswer(server, customer.id, String(push['prompt']), approve), 200);
          const end = await verify(
            customer,
            (f) => f.state === 'verified' || f.state === 'failed',
            'the end',
          );
          if (approve) {
            assert.ok(end.state === 'verified' && end.method === 'push');
            await agent.next('verification', (f) => f.status === 'push');
          } else {
            assert.ok(end.state === 'failed' && end.reason === 'denied');
            await agent.next('verification', (f) => f.status === 'not-verified');
          }
          // Answered once: a second answer finds no prompt.
          assert.equal(await deviceAnswer(server, customer.id, String(push['prompt']), true), 404);
          customer.peer.ws.close();
          agent.peer.ws.close();
        }
      } finally {
        phone.close();
      }
    });
  });

  it('a push nobody answers expires on time; the widget and the agent are told', async () => {
    await withServer({ debug: true, demoDevice: true, verification: { ttlMs: 300 } }, async (server) => {
      const { customer, agent } = await withAgent(server, 'en');
      agent.send({ type: 'verify', conversationId: customer.id });
      const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
      customer.peer.send({ type: 'verify-start', id: choose.id, method: 'push' });
      const failed = await verify(customer, (f) => f.state === 'failed', 'expired');
      assert.ok(failed.state === 'failed' && failed.reason === 'expired');
      await agent.next('verification', (f) => f.status === 'not-verified');
    });
  });

  it("expires when the server's timer fires before the verifier's clock says it is due", async () => {
    // The timer runs on the event loop's clock and the verifier reads its own (Date.now by
    // default): the two may disagree by a little, so here the verifier's runs 10 % slow.
    const start = Date.now();
    const now = (): number => start + (Date.now() - start) * 0.9;
    await withServer({ debug: true, demoDevice: true, verification: { ttlMs: 300, now } }, async (server) => {
      const { customer, agent } = await withAgent(server, 'en');
      agent.send({ type: 'verify', conversationId: customer.id });
      const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
      customer.peer.send({ type: 'verify-start', id: choose.id, method: 'push' });
      const failed = await verify(customer, (f) => f.state === 'failed', 'expired', 2000);
      assert.ok(failed.state === 'failed' && failed.reason === 'expired');
    });
  });
});

describe('identity check in Redis', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis.stop();
  });

  it('the Redis store holds the salted hash, never the code, through the whole journey', async () => {
    const prefix = `verify-${process.pid}-${Date.now()}:`;
    await codeJourney({ store: redis.url, storePrefix: prefix }, 'es', () =>
      redisContents(redis.url, prefix),
    );
    const contents = await redisContents(redis.url, prefix);
    assert.match(contents, /verification/, 'the check was stored');
  });
});

describe('identity check the assistant asks for', () => {
  /** A customer of the demo cardmember (account 1005) greeted by the assistant. */
  async function cardmember(server: ChatServer, lang: 'en' | 'es') {
    const peer = await Peer.open(server.url, parseServerFrame);
    peer.send({ type: 'hello', v: PROTOCOL_VERSION, lang, account: '1005' });
    await peer.next((f) => f.type === 'event' && f.event.seq === 1, 'the greeting');
    let n = 0;
    const say = async (text: string): Promise<string> => {
      const id = `m-${++n}`;
      peer.send({ type: 'message', id, text });
      const ack = await peer.next((f) => f.type === 'ack' && f.id === id, 'ack');
      const seq = ack.type === 'ack' ? ack.seq : 0;
      const answer = await peer.next(
        (f) => f.type === 'event' && f.event.from === 'assistant' && f.event.seq > seq,
        'the answer',
      );
      return answer.type === 'event' ? answer.event.text : '';
    };
    return { peer, say };
  }

  for (const [lang, lost, readBack] of [
    ['en', 'I lost my card', /ending in 1005[\s\S]*10001/],
    ['es', 'perdí mi tarjeta', /terminada en 1005[\s\S]*10001/],
  ] as const) {
    it(`${lang}: the ZIP question comes with the check; verified, the read-back follows`, async () => {
      const phone = new Phone();
      await withServer({ debug: true, outOfBand: phone }, async (server) => {
        const { peer, say } = await cardmember(server, lang);
        await say(lost);
        const zipQuestion = await say('1005');
        // The fallback stays: the assistant still asks for the ZIP.
        assert.match(zipQuestion, lang === 'es' ? /código postal/ : /ZIP/);
        const choose = await peer.next((f) => f.type === 'verify' && f.state === 'choose', 'the check');
        assert.ok(choose.type === 'verify');
        peer.send({ type: 'verify-start', id: choose.id, method: 'code' });
        await phone.sent(0);
        peer.send({ type: 'verify-code', id: choose.id, code: phone.codes[0] });
        await peer.next((f) => f.type === 'verify' && f.state === 'verified', 'verified');
        const answer = await peer.next(
          (f) => f.type === 'event' && f.event.from === 'assistant' && readBack.test(f.event.text),
          'the read-back',
        );
        assert.ok(answer.type === 'event');
      });
    });
  }

  it('without an out-of-band service, only the ZIP question (no check)', async () => {
    await withServer({ debug: true }, async (server) => {
      const { peer, say } = await cardmember(server, 'en');
      await say('I lost my card');
      assert.match(await say('1005'), /ZIP/);
      assert.equal(
        peer.frames.some((f) => f.type === 'verify'),
        false,
      );
    });
  });
});

/** The identity facts of the conversation's record (the debug hook's copy of it). */
async function identityFacts(server: ChatServer, id: string): Promise<unknown[]> {
  const all = await storedConversations<{ id: string; record: { kind: string }[] }>(server.port);
  return (all.find((c) => c.id === id)?.record ?? []).filter((f) => f.kind === 'identity');
}

describe('identity check when the conversation ends', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis.stop();
  });

  const stores = {
    memory: (): ChatServerOptions => ({}),
    Redis: (): ChatServerOptions => ({
      store: redis.url,
      storePrefix: `verify-end-${process.pid}-${Date.now()}:`,
    }),
  };

  for (const [name, storeOptions] of Object.entries(stores)) {
    it(`${name}: the agent ends the chat while a code is expected; a late code changes nothing`, async () => {
      const phone = new Phone();
      await withServer({ debug: true, ...storeOptions(), outOfBand: phone }, async (server, logs) => {
        const { customer, agent } = await withAgent(server, 'en');
        agent.send({ type: 'verify', conversationId: customer.id });
        const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
        customer.peer.send({ type: 'verify-start', id: choose.id, method: 'code' });
        await phone.sent(0);
        await verify(customer, (f) => f.state === 'code-sent', 'code sent');
        await agent.next('verification', (f) => f.status === 'requested');
        agent.send({ type: 'end', conversationId: customer.id, summary: '' });
        await customer.notice('ended');
        // At once (the check's five minutes are not waited for), after the end's notice.
        const closed = await verify(customer, (f) => f.state === 'failed', 'the check closed', 1000);
        assert.ok(closed.state === 'failed' && closed.reason === 'cancelled');
        const frames = customer.peer.frames;
        const endedAt = frames.findIndex((f) => f.type === 'event' && f.event.notice?.code === 'ended');
        assert.ok(endedAt >= 0 && endedAt < frames.indexOf(closed), 'the end is said first');
        // The agent learns it is not verified before the conversation is released.
        const notVerified = await agent.next('verification', (f) => f.status === 'not-verified');
        const released = await agent.next('released', (f) => f.conversationId === customer.id);
        assert.ok(agent.peer.frames.indexOf(notVerified) < agent.peer.frames.indexOf(released));
        assert.deepEqual(await identityFacts(server, customer.id), [{ kind: 'identity', method: null }]);
        assert.ok(logs.some((l) => l['msg'] === 'verification' && l['result'] === 'cancelled'));

        // The right code, late: the check stays closed, the record and the agent unchanged.
        customer.peer.send({ type: 'verify-code', id: choose.id, code: phone.codes[0] });
        const again = await verify(customer, (f) => f !== closed, 'the answer to the late code');
        assert.ok(again.state === 'failed' && again.reason === 'cancelled');
        await none(agent.peer, (f) => f.type === 'verification' && f.status === 'code');
        assert.deepEqual(await identityFacts(server, customer.id), [{ kind: 'identity', method: null }]);
        assert.ok(!logs.some((l) => l['msg'] === 'verification' && l['result'] === 'verified-code'));
      });
    });

    it(`${name}: the customer ends the chat while a push waits; the late approval is refused`, async () => {
      const phone = new Phone();
      await withServer(
        { debug: true, ...storeOptions(), outOfBand: phone, demoDevice: true },
        async (server) => {
          const { customer, agent } = await withAgent(server, 'es');
          agent.send({ type: 'verify', conversationId: customer.id });
          const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
          customer.peer.send({ type: 'verify-start', id: choose.id, method: 'push' });
          await phone.sent(0);
          await verify(customer, (f) => f.state === 'push-sent', 'push sent');
          customer.peer.send({ type: 'end' });
          await customer.notice('ended');
          await verify(customer, (f) => f.state === 'failed' && f.reason === 'cancelled', 'closed', 1000);
          await agent.next('verification', (f) => f.status === 'not-verified');
          const secret = phone.prompts[0]?.secret ?? '';
          assert.equal(await deviceAnswer(server, customer.id, secret, true), 404);
          await none(customer.peer, (f) => f.type === 'verify' && f.state === 'verified');
          await none(agent.peer, (f) => f.type === 'verification' && f.status === 'push');
          assert.deepEqual(await identityFacts(server, customer.id), [{ kind: 'identity', method: null }]);
        },
      );
    });
  }

  it('a check that already ended is left as it was: verified stays verified, nothing said again', async () => {
    const phone = new Phone();
    await withServer({ debug: true, outOfBand: phone }, async (server) => {
      const { customer, agent } = await withAgent(server, 'en');
      agent.send({ type: 'verify', conversationId: customer.id });
      const choose = await verify(customer, (f) => f.state === 'choose', 'the choice');
      customer.peer.send({ type: 'verify-start', id: choose.id, method: 'code' });
      await phone.sent(0);
      customer.peer.send({ type: 'verify-code', id: choose.id, code: phone.codes[0] });
      await verify(customer, (f) => f.state === 'verified', 'verified');
      agent.send({ type: 'end', conversationId: customer.id, summary: '' });
      await customer.notice('ended');
      await none(customer.peer, (f) => f.type === 'verify' && f.state === 'failed');
      await none(agent.peer, (f) => f.type === 'verification' && f.status === 'not-verified');
      assert.deepEqual(await identityFacts(server, customer.id), [{ kind: 'identity', method: 'code' }]);
    });
  });
});

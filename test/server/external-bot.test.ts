/**
 * Issue 26, item 8: the assistant's turn handed to an external bot in the Rasa REST channel
 * format. A bot server (node:http on 127.0.0.1) started by each test, the reference server
 * configured to use it, and a customer over the real protocol: what the bot receives, what the
 * customer sees, what the server stores, and the fallback to the built-in assistant.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ChatEvent } from '../../src/protocol.js';
import { redact } from '../../src/redaction/index.js';
import { botFromEnv, readAnswer } from '../../server/external-bot.js';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { sharedRedis } from '../support/cluster.js';
import { storedInRedis } from '../support/deployment.js';
import { Agent, Customer, stored, withServer } from '../support/contact-center.js';

/** What the bot received: the parsed body and its content type. */
interface BotRequest {
  body: { sender?: unknown; message?: unknown; metadata?: unknown };
  contentType: string | undefined;
}

/** How the bot answers one request: a status and a raw body. */
type BotReply = { status?: number; body?: string; location?: string };

/** An answer that never comes (the connection is cut when the bot closes). */
const never = (): Promise<BotReply> => new Promise<BotReply>(() => undefined);

/** A bot on 127.0.0.1 that records every request and answers with `reply`. */
class TestBot {
  readonly requests: BotRequest[] = [];
  readonly #server: Server;
  readonly #waiters: ((r: BotRequest) => void)[] = [];
  /** How many requests `next` has given out, in order. */
  #taken = 0;
  reply: (request: BotRequest) => BotReply | Promise<BotReply>;

  private constructor(server: Server, reply: (request: BotRequest) => BotReply | Promise<BotReply>) {
    this.#server = server;
    this.reply = reply;
  }

  static async start(reply: (request: BotRequest) => BotReply | Promise<BotReply>): Promise<TestBot> {
    const server = createServer();
    const bot = new TestBot(server, reply);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void bot.#handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return bot;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/webhooks/rest/webhook`;
  }

  /** The next request (one already received and not yet taken, or the next to come). */
  next(): Promise<BotRequest> {
    if (this.#taken < this.requests.length) {
      this.#taken += 1;
      return Promise.resolve(this.requests[this.#taken - 1]!);
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: BotRequest = {
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as BotRequest['body'],
      contentType: req.headers['content-type'],
    };
    this.requests.push(request);
    const waiter = this.#waiters.shift();
    if (waiter) {
      this.#taken += 1;
      waiter(request);
    }
    const answer = await this.reply(request);
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/json',
      ...(answer.location ? { location: answer.location } : {}),
    });
    res.end(answer.body ?? '[]');
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }
}

/** A JSON answer in the Rasa format. */
const rasa = (messages: unknown[]): BotReply => ({ body: JSON.stringify(messages) });

/** A bot answering `reply`, a server using it, closed when `run` ends. */
async function withBot(
  reply: (request: BotRequest) => BotReply | Promise<BotReply>,
  run: (bot: TestBot, server: ChatServer, logs: Record<string, unknown>[]) => Promise<void>,
  options: ChatServerOptions = {},
): Promise<void> {
  const bot = await TestBot.start(reply);
  try {
    await withServer({ debug: true, botUrl: bot.url, botTimeoutMs: 2000, ...options }, (server, logs) =>
      run(bot, server, logs),
    );
  } finally {
    await bot.close();
  }
}

/** The assistant's messages of a conversation as the server stored them. */
async function storedAssistant(server: ChatServer, id: string): Promise<ChatEvent[]> {
  return (await stored(server, id)).events.filter((e) => e.kind === 'message' && e.from === 'assistant');
}

const digits = (text: string): string => text.replace(/\D/g, '');

/** A built-in answer to "When is my payment due?" (the payment-due task), EN. */
const BUILT_IN_DUE = /payment|due/i;

describe('external bot (Rasa REST channel)', () => {
  it("relays the bot's answer; the bot gets the conversation id as sender, never the account", async () => {
    await withBot(
      () => rasa([{ recipient_id: 'x', text: 'Hello from the bot.' }, { text: 'Anything else?' }]),
      async (bot, server, logs) => {
        const c = await Customer.join(server);
        await c.say('When is my payment due?');
        const request = await bot.next();
        assert.equal(request.contentType, 'application/json');
        assert.deepEqual(Object.keys(request.body).sort(), ['message', 'metadata', 'sender']);
        assert.deepEqual(request.body.metadata, { lang: 'en' });
        assert.equal(request.body.sender, c.id);
        assert.equal(request.body.message, 'When is my payment due?');
        // The hello named the account card-1005: nothing of it goes to the bot.
        assert.doesNotMatch(JSON.stringify(request.body), /1005|card-/);
        assert.equal((await c.reply()).text, 'Hello from the bot.');
        assert.equal((await c.reply()).text, 'Anything else?');
        const said = await storedAssistant(server, c.id);
        assert.deepEqual(
          said.slice(1).map((e) => e.text),
          ['Hello from the bot.', 'Anything else?'],
        );
        assert.equal(bot.requests.length, 1);
        assert.ok(!JSON.stringify(logs).includes('payment due'), 'customer text in the logs');
      },
    );
  });

  it('turns buttons into quick replies that show and send the title; the bot gets the payload', async () => {
    await withBot(
      (request) =>
        request.body.message === 'I want a new card'
          ? rasa([
              {
                text: 'Which card?',
                buttons: [
                  { title: 'Gold', payload: '/choose{"card":"gold"}' },
                  { title: 'Platinum', payload: '/choose{"card":"platinum"}' },
                  { title: 42, payload: '/bad' },
                  { title: 'Gold', payload: '/duplicate' },
                  { title: 'No payload' },
                ],
              },
              { buttons: [{ title: 'Talk to a person', payload: '/human' }] },
            ])
          : rasa([{ text: `got ${String(request.body.message)}` }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say('I want a new card');
        const reply = await c.reply();
        assert.equal(reply.text, 'Which card?');
        assert.deepEqual(reply.quickReplies, [
          { label: 'Gold', value: 'Gold' },
          { label: 'Platinum', value: 'Platinum' },
          { label: 'No payload', value: 'No payload' },
          { label: 'Talk to a person', value: 'Talk to a person' },
        ]);
        // The customer taps "Gold": the transcript says "Gold", the bot gets its payload.
        await c.say('Gold');
        assert.equal((await c.reply()).text, 'got /choose{"card":"gold"}');
        // Those buttons are gone with the next answer: a title typed later goes as typed.
        await c.say('Platinum');
        assert.equal((await c.reply()).text, 'got Platinum');
        assert.deepEqual(
          bot.requests.map((r) => r.body.message),
          ['I want a new card', '/choose{"card":"gold"}', 'Platinum'],
        );
        const said = (await stored(server, c.id)).events
          .filter((e) => e.from === 'customer')
          .map((e) => e.text);
        assert.deepEqual(said, ['I want a new card', 'Gold', 'Platinum']);
      },
    );
  });

  it('redacts a card number the bot echoes, in the transcript, the store and a payload', async () => {
    await withBot(
      (request) =>
        request.body.message === 'hi'
          ? rasa([
              { text: 'You said your card is 4111 1111 1111 1111.' },
              {
                text: 'Pick one',
                buttons: [{ title: 'Card 4111111111111111', payload: '/pick{"card":"4111-1111-1111-1111"}' }],
              },
            ])
          : rasa([{ text: 'ok' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say('hi');
        await bot.next();
        const first = await c.reply();
        const second = await c.reply();
        for (const text of [first.text, JSON.stringify(second)]) {
          assert.ok(!digits(text).includes('4111111111111111'), `unredacted: ${text}`);
        }
        assert.match(first.text, /You said your card is/);
        // The (redacted) title sent back: the bot gets the payload, redacted too.
        const title = second.quickReplies?.[0]?.value;
        assert.ok(title);
        await c.say(title);
        const payload = String((await bot.next()).body.message);
        assert.match(payload, /^\/pick/);
        assert.ok(!digits(payload).includes('4111111111111111'), `unredacted payload: ${payload}`);
        await c.reply();
        const all = JSON.stringify((await stored(server, c.id)).events);
        assert.ok(!digits(all).includes('4111111111111111'), 'unredacted card number in the store');
        assert.ok(!digits(JSON.stringify(c.peer.raw)).includes('4111111111111111'));
        // Counted apart from the customer's text, which the widget had already redacted.
        assert.ok(server.stats.botRedacted >= 3, `counted ${server.stats.botRedacted}`);
        assert.equal(server.stats.redactedByServer, 0);
        assert.equal(server.stats.botTurns, 2);
      },
    );
  });

  it('sends the bot only the redacted text: what the widget sent, and what the server redacted', async () => {
    await withBot(
      () => rasa([{ text: 'Noted.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        // As the widget sends it: through the same redactor.
        const typed = 'my card is 3782 822463 10005 and my SSN is 219-09-9999';
        const widget = redact(typed).text;
        assert.notEqual(widget, typed);
        await c.say(widget);
        const fromWidget = await bot.next();
        assert.equal(fromWidget.body.message, widget);
        await c.reply();
        // A client that skipped redaction: the server's second line masks it before the bot.
        for (const raw of [
          'visa 4111-1111-1111-1111 please',
          'my SSN is 219-09-9999',
          'the one-time code is 482913',
        ]) {
          await c.say(raw);
          const request = await bot.next();
          const message = String(request.body.message);
          for (const secret of ['4111111111111111', '219099999', '482913']) {
            assert.ok(!digits(message).includes(secret), `the bot got ${message}`);
          }
          await c.reply();
        }
        // What the bot got is exactly what the transcript keeps.
        const said = (await stored(server, c.id)).events
          .filter((e) => e.from === 'customer')
          .map((e) => e.text);
        assert.deepEqual(
          bot.requests.map((r) => r.body.message),
          said,
        );
      },
    );
  });

  it('falls back to the built-in assistant when the bot does not answer in time', async () => {
    await withBot(
      never,
      async (bot, server, logs) => {
        const c = await Customer.join(server);
        await c.say('When is my payment due?');
        await bot.next();
        const reply = await c.reply();
        assert.match(reply.text, BUILT_IN_DUE);
        const failed = logs.filter((l) => String(l['msg']).startsWith('external bot failed'));
        assert.deepEqual(
          failed.map((l) => l['reason']),
          ['timeout'],
        );
        assert.ok(!JSON.stringify(logs).includes('payment due'), 'customer text in the logs');
        assert.ok(!c.peer.frames.some((f) => f.type === 'error'), 'the customer saw an error');
      },
      { botTimeoutMs: 200 },
    );
  });

  for (const [name, reply, reason] of [
    ['answers 500', { status: 500, body: '{"error":"boom at /app/bot.py line 3"}' }, 'status'],
    ['answers malformed JSON', { body: '[{"text": "half' }, 'malformed'],
    ['answers an object, not an array', { body: '{"text":"hi"}' }, 'malformed'],
    ['has nothing to say', { body: '[]' }, 'empty'],
    ['answers only wrong types', { body: '[{"text": 5}, "hi", null, {"buttons": "x"}]' }, 'empty'],
    ['answers more than 64 KiB', { body: JSON.stringify([{ text: 'x'.repeat(70_000) }]) }, 'too-large'],
  ] as const) {
    it(`falls back to the built-in assistant when the bot ${name}`, async () => {
      await withBot(
        () => reply,
        async (bot, server, logs) => {
          const c = await Customer.join(server);
          await c.say('When is my payment due?');
          await bot.next();
          const answer = await c.reply();
          assert.match(answer.text, BUILT_IN_DUE);
          assert.doesNotMatch(answer.text, /boom|error|half|\{/);
          const failed = logs.find((l) => String(l['msg']).startsWith('external bot failed'));
          assert.equal(failed?.['reason'], reason);
          assert.equal(failed?.['conversation'], c.id);
          if (reason === 'status') assert.equal(failed?.['status'], 500);
          assert.deepEqual([server.stats.botTurns, server.stats.botFallbacks], [0, 1]);
        },
      );
    });
  }

  it('in Spanish: relays the bot, redacts its echo, and falls back to the Spanish assistant', async () => {
    await withBot(
      (request) =>
        request.body.message === 'hola'
          ? rasa([{ text: 'Su tarjeta 4111 1111 1111 1111 y su código de seguridad 739 quedan anotados.' }])
          : { status: 502 },
      async (bot, server) => {
        const c = await Customer.join(server, 'es');
        await c.say('hola');
        const first = await c.reply();
        assert.match(first.text, /^Su tarjeta .* quedan anotados\.$/);
        assert.ok(!digits(first.text).includes('4111111111111111'), first.text);
        assert.ok(!/\b739\b/.test(first.text), first.text);
        // Redacted in the conversation's language.
        assert.match(first.text, /\[código eliminado\]/);
        await c.say('¿Cuándo vence mi pago?');
        const second = await c.reply();
        assert.equal(second.name, 'Asistente virtual');
        assert.match(second.text, /pago/i);
        assert.equal(bot.requests.length, 2);
        assert.deepEqual(bot.requests[0]?.body.metadata, { lang: 'es' });
      },
    );
  });

  it('never follows a redirect with the customer text: the built-in assistant answers', async () => {
    const elsewhere = await TestBot.start(() => rasa([{ text: 'Elsewhere.' }]));
    try {
      await withBot(
        () => ({ status: 307, location: elsewhere.url }),
        async (bot, server, logs) => {
          const c = await Customer.join(server);
          await c.say('When is my payment due?');
          await bot.next();
          assert.match((await c.reply()).text, BUILT_IN_DUE);
          assert.equal(elsewhere.requests.length, 0);
          const failed = logs.find((l) => String(l['msg']).startsWith('external bot failed'));
          assert.equal(failed?.['reason'], 'network');
        },
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('warns at start about a bot over plain http beyond this machine', async () => {
    const warned = (logs: Record<string, unknown>[]): boolean =>
      logs.some((l) => l['level'] === 'warn' && String(l['msg']).startsWith('external bot over plain http'));
    for (const [url, warn] of [
      ['http://10.0.0.5:5005/webhooks/rest/webhook', true],
      ['https://bot.example/webhooks/rest/webhook', false],
      ['http://127.0.0.1:5005/webhooks/rest/webhook', false],
      ['http://[::1]:5005/webhooks/rest/webhook', false],
    ] as const) {
      await withServer({ debug: true, botUrl: url }, (_server, logs) => {
        assert.equal(warned(logs), warn, url);
        return Promise.resolve();
      });
    }
  });

  it('falls back when the bot cannot be reached', async () => {
    const gone = await TestBot.start(() => rasa([]));
    const url = gone.url;
    await gone.close();
    await withServer({ debug: true, botUrl: url, botTimeoutMs: 2000 }, async (server, logs) => {
      const c = await Customer.join(server);
      await c.say('When is my payment due?');
      assert.match((await c.reply()).text, BUILT_IN_DUE);
      assert.equal(
        logs.find((l) => String(l['msg']).startsWith('external bot failed'))?.['reason'],
        'network',
      );
    });
  });

  it('keeps a request for a person and urgent fraud with the built-in assistant', async () => {
    await withBot(
      () => rasa([{ text: 'Bot here.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say('What are your opening hours?');
        assert.equal((await c.reply()).text, 'Bot here.');
        const waiting = await c.askForAgent();
        assert.equal(waiting.waiting, true);
        // The bot still answers the rest while the customer waits.
        await c.say('Do you have a mobile app?');
        assert.equal((await c.reply()).text, 'Bot here.');
        await c.say('Someone is using my card right now!');
        const urgent = await c.reply();
        assert.equal(urgent.urgent, true);
        assert.deepEqual(
          bot.requests.map((r) => r.body.message),
          ['What are your opening hours?', 'Do you have a mobile app?'],
        );
      },
    );
  });

  it("keeps a reference number's status with the built-in assistant", async () => {
    await withBot(
      () => rasa([{ text: 'Bot here.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say("What's the status of AMX-2345-ABCD?");
        assert.match((await c.reply()).text, /AMX-2345-ABCD/);
        assert.equal(bot.requests.length, 0);
      },
    );
  });

  it('keeps "did you lock my card?" with the built-in assistant, which knows what it did', async () => {
    await withBot(
      () => rasa([{ text: 'Yes, your card is locked.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say('did you lock my card?');
        assert.match((await c.reply()).text, /^No, no card has been locked in this chat\./);
        await c.say('what did we agree?');
        assert.match((await c.reply()).text, /^Here is what happened in this chat so far: /);
        assert.equal(bot.requests.length, 0);
      },
    );
  });

  it('keeps needs stated in words with the built-in assistant, which records them', async () => {
    await withBot(
      () => rasa([{ text: 'Noted.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        await c.say("I'm hard of hearing and I use a screen reader");
        const notice = await c.event((e) => e.notice?.code === 'accommodations', 'the needs notice');
        assert.deepEqual((notice.notice as { needs?: unknown } | undefined)?.needs, [
          'screen-reader',
          'hearing',
        ]);
        assert.notEqual((await c.reply()).text, 'Noted.');
        assert.equal(bot.requests.length, 0);
      },
    );
  });

  it('leaves an action the built-in assistant started with it until it is done or dropped', async () => {
    await withBot(
      (request) =>
        request.body.message === 'I lost my card' ? { status: 500 } : rasa([{ text: 'Bot here.' }]),
      async (bot, server) => {
        const c = await Customer.join(server);
        // The bot fails; the built-in assistant answers and asks for the card.
        await c.say('I lost my card');
        assert.match((await c.reply()).text, /last four/i);
        // The answer goes to the one that asked, not to the bot.
        await c.say('1005');
        assert.notEqual((await c.reply()).text, 'Bot here.');
        await c.say('cancel');
        assert.notEqual((await c.reply()).text, 'Bot here.');
        // Dropped: the bot has the next turn again.
        await c.say('What are your opening hours?');
        assert.equal((await c.reply()).text, 'Bot here.');
        assert.deepEqual(
          bot.requests.map((r) => r.body.message),
          ['I lost my card', 'What are your opening hours?'],
        );
      },
    );
  });

  it('drops a bot answer that arrives after a person took the conversation', async () => {
    let answer: ((reply: BotReply) => void) | undefined;
    await withBot(
      () => new Promise<BotReply>((resolve) => (answer = resolve)),
      async (bot, server, logs) => {
        const agent = await Agent.signIn(server, 'Maria', 'general');
        const c = await Customer.join(server);
        await c.say('What are your opening hours?');
        await bot.next();
        // While the bot thinks, the customer asks for a person and gets one.
        await c.say('I want to talk to an agent');
        await c.notice('queued');
        await agent.accept(c.id);
        await c.notice('agent-joined');
        const typingOff = (f: { type: string }): boolean =>
          f.type === 'typing' && 'from' in f && f.from === 'assistant' && 'active' in f && !f.active;
        // The typing pause of the answer to "agent" is over; the next one is the late answer's.
        await c.peer.next(typingOff, 'typing off (the queue answer)');
        answer?.(rasa([{ text: 'Bot here.' }]));
        await c.peer.next(typingOff, 'typing off (the late answer)');
        const said = (await storedAssistant(server, c.id)).map((e) => e.text);
        assert.ok(!said.includes('Bot here.'), JSON.stringify(said));
        assert.ok(
          logs.some((l) => l['msg'] === 'external bot answer dropped: a person has the conversation'),
        );
      },
    );
  });

  it('lets the built-in assistant answer beyond 3 turns waiting for the bot', async () => {
    await withBot(never, async (bot, server, logs) => {
      const c = await Customer.join(server);
      for (const text of ['one', 'two', 'three']) await c.say(text);
      await bot.next();
      // Three turns wait (one asked, two queued); the fourth is the built-in assistant's.
      await c.say('When is my payment due?');
      assert.match((await c.reply()).text, BUILT_IN_DUE);
      assert.equal(bot.requests.length, 1);
      assert.ok(logs.some((l) => l['msg'] === 'external bot busy; the built-in assistant answers'));
      assert.equal(server.stats.botFallbacks, 1);
    });
  });

  it('answers the turns of one conversation in order', async () => {
    // The first answer is slow; the second question reaches the bot only once it was said.
    let firstAnswered = false;
    await withBot(
      async (request) => {
        if (request.body.message !== 'first') {
          assert.ok(firstAnswered, 'the second turn overtook the first');
          return rasa([{ text: 'answer to second' }]);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
        firstAnswered = true;
        return rasa([{ text: 'answer to first' }]);
      },
      async (_bot, server) => {
        const c = await Customer.join(server);
        await c.say('first');
        await c.say('second');
        assert.equal((await c.reply()).text, 'answer to first');
        assert.equal((await c.reply()).text, 'answer to second');
      },
    );
  });
});

describe('external bot with the Redis store', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis.stop();
  });

  it('stores the redacted bot answer, and the built-in fallback, in Redis', async () => {
    const prefix = `amex-chat-test:bot-${process.pid}-${Date.now()}:`;
    await withBot(
      (request) =>
        request.body.message === 'hi'
          ? rasa([{ text: 'Your card 4111 1111 1111 1111 is noted.' }])
          : { status: 503, body: 'down' },
      async (_bot, server) => {
        const c = await Customer.join(server);
        await c.say('hi');
        assert.match((await c.reply()).text, /^Your card .* is noted\.$/);
        await c.say('When is my payment due?');
        assert.match((await c.reply()).text, BUILT_IN_DUE);
        const all = await storedInRedis(redis.url, prefix);
        assert.ok(all.includes('is noted.'), 'the bot answer is in Redis');
        assert.ok(!digits(all).includes('4111111111111111'), 'unredacted card number in Redis');
      },
      { store: redis.url, storePrefix: prefix },
    );
  });
});

describe('external bot: reading its answer', () => {
  const same = (t: string): string => t;

  it('keeps at most 5 messages of 2000 characters and 6 buttons, without control characters', () => {
    const answer = readAnswer(
      [
        { text: `a\u0000b\u001b[31m ${'x'.repeat(3000)}` },
        ...Array.from({ length: 8 }, (_, i) => ({ text: `m${i}` })),
      ],
      same,
    );
    assert.ok(answer.ok);
    assert.equal(answer.messages.length, 5);
    const first = answer.messages[0]!.text;
    assert.equal(first.length, 2000);
    assert.ok(first.startsWith('ab[31m x'));
    const buttons = readAnswer(
      [{ text: 'b', buttons: Array.from({ length: 10 }, (_, i) => ({ title: `t${i}`, payload: `p${i}` })) }],
      same,
    );
    assert.ok(buttons.ok);
    assert.equal(buttons.messages[0]!.buttons?.length, 6);
    const long = readAnswer(
      [{ text: 'b', buttons: [{ title: 'x'.repeat(200), payload: 'y'.repeat(600) }] }],
      same,
    );
    assert.ok(long.ok);
    assert.equal(long.messages[0]!.buttons, undefined);
  });

  it('redacts before it cuts: a card number across the 2000th character is masked whole', () => {
    const clean = (t: string): string => redact(t).text;
    const card = '4111 1111 1111 1111';
    const text = `${'word '.repeat(398)}${card} and more ${'x'.repeat(3000)}`;
    assert.ok(text.indexOf(card) < 2000 && text.indexOf(card) + card.length > 2000);
    const answer = readAnswer([{ text }], clean);
    assert.ok(answer.ok);
    const kept = answer.messages[0]!.text;
    assert.ok(kept.length <= 2000 && kept.endsWith('…'));
    assert.ok(!digits(kept).includes('41111111'), kept.slice(-40));
    // Masks longer than what they replace never push a message over the limit.
    const grown = readAnswer([{ text: 'CVV 739. '.repeat(222) }], clean);
    assert.ok(grown.ok);
    assert.equal(grown.messages[0]!.text.length, 2000);
    assert.ok(!/739/.test(grown.messages[0]!.text));
  });

  it('looks at no more than 20 items and 20 buttons of each', () => {
    let read = 0;
    const count = (t: string): string => {
      read += 1;
      return t;
    };
    const many = Array.from({ length: 1000 }, () => ({
      buttons: Array.from({ length: 1000 }, () => ({ title: 'same', payload: 'same' })),
    }));
    const answer = readAnswer([{ text: 'hi' }, ...many], count);
    assert.ok(answer.ok);
    assert.deepEqual(answer.messages[0]!.buttons, [{ title: 'same', payload: 'same' }]);
    assert.ok(read <= 1 + 19 * 20 * 2, `read ${read} strings`);
  });

  it('reads CHAT_BOT_URL and CHAT_BOT_TIMEOUT_MS, refusing what is not http(s) or a whole number', () => {
    assert.deepEqual(botFromEnv({}), {});
    assert.deepEqual(
      botFromEnv({
        CHAT_BOT_URL: 'http://127.0.0.1:5005/webhooks/rest/webhook',
        CHAT_BOT_TIMEOUT_MS: '1500',
      }),
      {
        botUrl: 'http://127.0.0.1:5005/webhooks/rest/webhook',
        botTimeoutMs: 1500,
      },
    );
    assert.throws(() => botFromEnv({ CHAT_BOT_URL: 'file:///etc/passwd' }), /CHAT_BOT_URL/);
    assert.throws(() => botFromEnv({ CHAT_BOT_URL: 'not a url' }), /CHAT_BOT_URL/);
    assert.throws(() => botFromEnv({ CHAT_BOT_TIMEOUT_MS: '0' }), /CHAT_BOT_TIMEOUT_MS/);
  });
});

/**
 * Routing by language and topic over the real protocols (a real server on 127.0.0.1, real
 * WebSocket clients, the memory store and a real Redis): consoles declare their languages and
 * teams at sign-in; a Spanish conversation is offered only to agents who speak Spanish until
 * the language wait is over, then the customer is told and any agent may take it; what the
 * customer asked a person about picks the team and goes to the board and the agent's summary.
 *
 * The language wait runs on node:test's mock timers and clock (the server's pending timers are
 * armed with `setTimeout` for `due - Date.now()`), so the test moves time on rather than sleeping
 * through it. No frame waiter is left pending while time moves (its own timeout would fire).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { ChatServer, ChatServerOptions } from '../../server/chat-server.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { Agent, Customer, Peer, withServer } from '../support/contact-center.js';
import type { AgentFrame } from '../support/contact-center.js';
import { sharedRedis } from '../support/cluster.js';

const WAIT = 30_000;
/**
 * Each test's own limit: a frame that never comes fails the test rather than hangs it (on mock
 * timers, a frame waiter's own timeout does not run).
 */
const LIMIT = { timeout: 15_000 };
const REPLY = 5;

/** Whether a board lists `id` as waiting (and `test` holds for its entry). */
function lists(
  id: string,
  test: (w: AgentFrame<'board'>['waiting'][number]) => boolean = () => true,
): (b: AgentFrame<'board'>) => boolean {
  return (b) => b.waiting.some((w) => w.conversationId === id && test(w));
}

/** A round trip on the console's socket: every frame the server sent it before is in. */
async function settle(agent: Agent): Promise<void> {
  agent.send({ type: 'ping' });
  await agent.next('pong');
}

let redis: Awaited<ReturnType<typeof sharedRedis>> | undefined;

const stores: [string, () => ChatServerOptions][] = [
  ['memory', () => ({})],
  ['redis', () => ({ store: redis?.url ?? '', storePrefix: `routing-${randomUUID()}:` })],
];

/**
 * The customer asks for an agent with the clock mocked (the caller resets it), queued once the
 * assistant's reply delay has passed on that clock.
 */
async function queueOnMockClock(customer: Customer, text: string): Promise<void> {
  mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
  await customer.say(text);
  mock.timers.tick(REPLY);
  await customer.notice('queued');
}

describe('contact center: routing by language and topic', () => {
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis?.stop();
  });
  // Real timers again even after a test that timed out on mock ones.
  afterEach(() => {
    mock.timers.reset();
  });

  describe('sign-in', () => {
    it(
      'refuses an unknown language code, an empty list of languages and an unknown team, by field',
      LIMIT,
      async () => {
        await withServer({ debug: true }, async (server) => {
          const cases: [Record<string, unknown>, string][] = [
            [{ languages: ['en', 'fr'] }, 'agent-hello.languages[1] is not a known language; use en, es.'],
            [{ languages: [] }, 'agent-hello.languages must name at least one of en, es.'],
            [{ languages: 'es' }, 'agent-hello.languages must be a list of language codes.'],
            [{ languages: ['es', 'es'] }, 'agent-hello.languages[1] repeats an earlier language.'],
            [
              { teams: ['credit', 'sales'] },
              'agent-hello.teams[1] is not a known team; use general, disputes, credit, rewards, travel, supervisor.',
            ],
          ];
          for (const [more, message] of cases) {
            const peer = await Peer.open(server.agentUrl, parseAgentServerFrame);
            peer.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'general', ...more });
            const error = await peer.next((f) => f.type === 'error', 'the refusal');
            assert.deepEqual(error, { type: 'error', code: 'bad-frame', message }, JSON.stringify(more));
            // Not signed in: a frame after it is refused as not ready.
            peer.send({ type: 'accept', conversationId: 'x' });
            const notReady = await peer.next(
              (f) => f.type === 'error' && f.code === 'not-ready',
              'not-ready',
            );
            assert.equal(notReady.type, 'error');
            assert.equal(peer.all((f) => f.type === 'agent-welcome').length, 0);
            await peer.close();
          }
        });
      },
    );

    it('shows every console the teams and languages each person declared', LIMIT, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
        await Agent.signIn(server, 'Sofía', 'disputes', { teams: ['credit'], languages: ['es', 'en'] });
        await Agent.signIn(server, 'Lee', 'travel');
        const board = await ana.board((b) => b.agents.length === 3, 'three people');
        assert.deepEqual(
          board.agents.map((a) => ({ ...a })),
          [
            { name: 'Ana', team: 'general', languages: ['en'], conversations: 0 },
            { name: 'Sofía', team: 'disputes', teams: ['credit'], languages: ['es', 'en'], conversations: 0 },
            // Declared nothing: every language, no more teams (consoles that predate both).
            { name: 'Lee', team: 'travel', conversations: 0 },
          ],
        );
      });
    });
  });

  for (const [store, options] of stores) {
    describe(`${store} store`, () => {
      it(
        'offers a Spanish conversation only to the agent who speaks Spanish, and an English one only to the other',
        LIMIT,
        async () => {
          await withServer({ debug: true, ...options() }, async (server, logs) => {
            assert.equal(logs.find((l) => l['msg'] === 'listening')?.['store'], store);
            const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
            const sofia = await Agent.signIn(server, 'Sofía', 'general', { languages: ['es'] });
            const cliente = await Customer.join(server, 'es');
            await cliente.askForAgent();
            const waiting = await ana.board(lists(cliente.id), 'the Spanish conversation on the board');
            const entry = waiting.waiting.find((w) => w.conversationId === cliente.id);
            assert.equal(entry?.lang, 'es');
            assert.equal(entry?.anyLanguage, undefined);

            ana.send({ type: 'accept', conversationId: cliente.id });
            const refused = await ana.error('forbidden');
            assert.equal(refused.conversationId, cliente.id);
            assert.equal(
              refused.message,
              'This conversation waits for an agent who speaks Spanish; any agent may take it if none has after the language wait.',
            );
            const assigned = await sofia.accept(cliente.id);
            assert.equal(assigned.lang, 'es');
            const joined = await cliente.notice('agent-joined');
            assert.deepEqual(joined.notice, { code: 'agent-joined', agent: 'Sofía', team: 'general' });

            const customer = await Customer.join(server, 'en');
            await customer.askForAgent();
            await sofia.board(lists(customer.id), 'the English conversation on the board');
            sofia.send({ type: 'accept', conversationId: customer.id });
            assert.match((await sofia.error('forbidden')).message, /speaks English/);
            await ana.accept(customer.id);
            // Nobody was told about other languages.
            assert.equal(cliente.events().filter((e) => e.notice?.code === 'any-agent').length, 0);
            assert.equal(customer.events().filter((e) => e.notice?.code === 'any-agent').length, 0);
          });
        },
      );

      it(
        'with only an English-speaking agent: the notice in Spanish, then any agent, after the language wait',
        LIMIT,
        async () => {
          await withServer(
            { debug: true, ...options(), replyDelay: REPLY, languageWaitMs: WAIT },
            async (server) => {
              const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
              const cliente = await Customer.join(server, 'es');
              try {
                await queueOnMockClock(cliente, 'Quiero hablar con un agente');
                await ana.board(
                  lists(cliente.id, (w) => w.anyLanguage === undefined),
                  'offered in Spanish only',
                );
                ana.send({ type: 'accept', conversationId: cliente.id });
                await ana.error('forbidden');

                // The wait began when the customer was queued, after the assistant's reply.
                mock.timers.tick(WAIT - 1);
                await settle(ana);
                assert.equal(
                  ana.peer.all(
                    (f) => f.type === 'board' && lists(cliente.id, (w) => w.anyLanguage === true)(f),
                  ).length,
                  0,
                  'still Spanish only just before the wait is over',
                );
                assert.equal(cliente.events().filter((e) => e.notice?.code === 'any-agent').length, 0);

                mock.timers.tick(1);
                const notice = await cliente.notice('any-agent');
                assert.equal(notice.from, 'system');
                assert.deepEqual(notice.notice, { code: 'any-agent' });
                assert.equal(
                  notice.text,
                  'En este momento no hay un agente disponible que hable español. El próximo agente disponible atenderá su chat y podría responderle en inglés. Usted conserva su lugar en la fila.',
                );
                await ana.board(
                  lists(cliente.id, (w) => w.anyLanguage === true),
                  'offered to any language',
                );
                // Still first in line: the notice moved nobody.
                assert.equal(cliente.events().filter((e) => e.notice?.code === 'left-queue').length, 0);
                const assigned = await ana.accept(cliente.id);
                assert.equal(assigned.lang, 'es');
                await cliente.notice('agent-joined');
              } finally {
                mock.timers.reset();
              }
            },
          );
        },
      );

      it(
        'with nobody signed in: the notice after the language wait, and the first agent of any language takes it',
        LIMIT,
        async () => {
          await withServer(
            { debug: true, ...options(), replyDelay: REPLY, languageWaitMs: WAIT },
            async (server) => {
              const cliente = await Customer.join(server, 'es');
              try {
                await queueOnMockClock(cliente, 'Quiero hablar con un agente');
                mock.timers.tick(WAIT);
                await cliente.notice('any-agent');
              } finally {
                mock.timers.reset();
              }
              const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
              await ana.accept(cliente.id);
            },
          );
        },
      );

      it(
        'an English conversation with English speakers only: any agent after the wait, and no notice',
        LIMIT,
        async () => {
          await withServer(
            { debug: true, ...options(), replyDelay: REPLY, languageWaitMs: WAIT },
            async (server) => {
              const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
              const customer = await Customer.join(server, 'en');
              try {
                await queueOnMockClock(customer, 'I want to talk to an agent');
                await ana.board(lists(customer.id), 'waiting');
                mock.timers.tick(WAIT);
                await ana.board(
                  lists(customer.id, (w) => w.anyLanguage === true),
                  'offered to any language',
                );
                await settle(ana);
              } finally {
                mock.timers.reset();
              }
              assert.equal(customer.events().filter((e) => e.notice?.code === 'any-agent').length, 0);
            },
          );
        },
      );

      it(
        '"talk to an agent about my credit limit" waits for the credit team, with its topic on the board and in the summary',
        LIMIT,
        async () => {
          await withServer({ debug: true, ...options() }, async (server) => {
            const sam = await Agent.signIn(server, 'Sam', 'general', {
              teams: ['credit'],
              languages: ['en'],
            });
            const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
            const customer = await Customer.join(server, 'en');
            await customer.say('talk to an agent about my credit limit');
            const queued = await customer.notice('queued');
            assert.deepEqual(queued.notice, { code: 'queued', team: 'credit' });
            const board = await ana.board(lists(customer.id), 'the credit conversation');
            const entry = board.waiting.find((w) => w.conversationId === customer.id);
            assert.equal(entry?.team, 'credit');
            assert.equal(entry?.topic, 'their credit limit');
            assert.match(entry?.summary ?? '', /^Asked for an agent about their credit limit\./);
            assert.doesNotMatch(entry?.summary ?? '', /No task discussed yet/);
            // Only the credit team (or a supervisor) may take it.
            ana.send({ type: 'accept', conversationId: customer.id });
            assert.match((await ana.error('forbidden')).message, /credit team/);
            const assigned = await sam.accept(customer.id);
            assert.equal(assigned.topic, 'their credit limit');
            assert.match(assigned.summary, /^Asked for an agent about their credit limit\./);
            // Told as the credit team's agent.
            const joined = await customer.notice('agent-joined');
            assert.deepEqual(joined.notice, { code: 'agent-joined', agent: 'Sam', team: 'credit' });
          });
        },
      );
    });
  }

  it(
    'a topic nobody of its team can take waits in the general queue, with the topic on the board',
    LIMIT,
    async () => {
      await withServer({ debug: true }, async (server: ChatServer) => {
        const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en', 'es'] });
        const cliente = await Customer.join(server, 'es');
        await cliente.say('quiero hablar con un agente sobre mi límite de crédito');
        const queued = await cliente.notice('queued');
        assert.deepEqual(queued.notice, { code: 'queued', team: 'general' });
        const board = await ana.board(lists(cliente.id), 'waiting');
        assert.equal(board.waiting.find((w) => w.conversationId === cliente.id)?.topic, 'their credit limit');
        await ana.accept(cliente.id);
      });
    },
  );

  it(
    'with nobody of the team signed in, the simulated agent of the topic team greets with the topic',
    LIMIT,
    async () => {
      await withServer({ debug: true, simulatedAgent: true, simulatedAgentDelay: 5 }, async (server) => {
        const customer = await Customer.join(server, 'en');
        await customer.say('talk to an agent about my credit limit');
        const queued = await customer.notice('queued');
        assert.deepEqual(queued.notice, { code: 'queued', team: 'credit' });
        const joined = await customer.notice('agent-joined');
        assert.deepEqual(joined.notice, { code: 'agent-joined', agent: 'Sam', team: 'credit' });
        const greeting = await customer.reply('agent');
        assert.equal(
          greeting.text,
          "Hi, I'm Sam from the credit team. I've read your conversation: you're asking about your credit limit. How can I help you with that?",
        );
      });
    },
  );

  it('the topic the customer discussed before asking for a person goes with them', LIMIT, async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en'] });
      const customer = await Customer.join(server, 'en');
      await customer.say('when is my payment due?');
      await customer.reply();
      await customer.askForAgent();
      const board = await ana.board(lists(customer.id), 'waiting');
      const entry = board.waiting.find((w) => w.conversationId === customer.id);
      assert.equal(entry?.topic, 'their payment due date');
      assert.equal(entry?.team, 'general');
      assert.match(entry?.summary ?? '', /^Asked for an agent about their payment due date\. /);
    });
  });
});

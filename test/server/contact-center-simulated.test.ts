/**
 * The simulated agent: taking a chat no person can take after the delay, greeting, answering,
 * transferring a specialty, ending on thanks, and being switched on and off by a console.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerFrame } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import { CASE_NUMBER } from '../../server/case-number.js';
import { Agent, Customer, Peer, none, stored, withServer } from '../support/contact-center.js';

describe('contact center: the simulated agent', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: takes the chat after the delay, greets, transfers a dispute to Maria, ends on thanks`, async () => {
      await withServer({ debug: true, simulatedAgent: true, simulatedAgentDelay: 20 }, async (server) => {
        const c = await Customer.join(server, lang);
        await c.say(lang === 'es' ? 'Perdí mi tarjeta' : 'I lost my card');
        await c.reply();
        await c.askForAgent();
        const joined = await c.notice('agent-joined');
        assert.deepEqual(joined.notice, { code: 'agent-joined', agent: 'Alex', team: 'general' });
        await c.queue((f) => !f.waiting);
        await c.peer.next(
          (f) => f.type === 'typing' && f.from === 'agent' && f.name === 'Alex' && f.active,
          'Alex typing',
        );
        const hello = await c.reply('agent');
        assert.equal(hello.name, 'Alex');
        assert.match(
          hello.text,
          lang === 'es'
            ? /Hola, soy Alex\..*una tarjeta perdida o robada/
            : /Hi, I'm Alex\..*a lost or stolen card/,
        );

        await c.say(
          lang === 'es' ? 'En realidad quiero disputar un cargo' : 'Actually I want to dispute a charge',
        );
        const handing = await c.reply('agent');
        assert.match(handing.text, lang === 'es' ? /equipo de disputas/ : /disputes team/);
        const moved = await c.notice('transferred');
        assert.equal(
          moved.text,
          lang === 'es'
            ? 'Alex le está transfiriendo al equipo de disputas. Quédese en este chat, por favor.'
            : 'Alex is transferring you to the disputes team. Please stay in this chat.',
        );
        await c.waiting((f) => f.team === 'disputes' && f.position === 1);
        const maria = await c.event(
          (e) => e.notice?.code === 'agent-joined' && e.seq > joined.seq,
          'Maria joins',
        );
        assert.deepEqual(maria.notice, { code: 'agent-joined', agent: 'Maria', team: 'disputes' });
        assert.equal(
          maria.text,
          lang === 'es'
            ? 'Ahora está hablando con Maria, del equipo de disputas.'
            : "You're now chatting with Maria from the disputes team.",
        );
        const greet = await c.event((e) => e.from === 'agent' && e.name === 'Maria', 'Maria greets');
        assert.match(greet.text, lang === 'es' ? /la disputa de un cargo/ : /a charge you want to dispute/);

        await c.say(lang === 'es' ? '¿Cuáles son los próximos pasos?' : 'What are the next steps?');
        const steps = await c.event((e) => e.from === 'agent' && e.seq > greet.seq, 'the next steps');
        assert.match(steps.text, lang === 'es' ? /90 días/ : /90 days/);

        await c.say(lang === 'es' ? 'Eso es todo, gracias' : "That's all, thanks");
        const bye = await c.event((e) => e.from === 'agent' && e.seq > steps.seq, 'the goodbye');
        assert.equal(bye.name, 'Maria');
        const ended = await c.notice('ended');
        assert.ok(ended.notice?.code === 'ended');
        assert.match(ended.notice.caseNumber, CASE_NUMBER);
        assert.match(
          ended.notice.summary,
          lang === 'es'
            ? /tarjeta perdida o robada y la disputa de un cargo/
            : /a lost or stolen card and a charge you want to dispute/,
        );
        const s = await stored(server, c.id);
        assert.deepEqual([s.phase, s.team, s.caseNumber], ['ended', 'disputes', ended.notice.caseNumber]);
        // No assistant message after the first agent joined.
        assert.equal(c.events().filter((e) => e.from === 'assistant' && e.seq > joined.seq).length, 0);
      });
    });
  }

  it('answers a task of its own team with the next steps', async () => {
    await withServer({ debug: true, simulatedAgent: true, simulatedAgentDelay: 10 }, async (server) => {
      const c = await Customer.join(server);
      await c.askForAgent();
      await c.notice('agent-joined');
      const hello = await c.reply('agent');
      assert.match(hello.text, /How can I help you today\?/);
      await c.say('When is my payment due?');
      const answer = await c.event((e) => e.from === 'agent' && e.seq > hello.seq);
      assert.match(answer.text, /Next steps for your payment/);
      await c.say('hmm');
      const unsure = await c.event((e) => e.from === 'agent' && e.seq > answer.seq);
      assert.match(unsure.text, /Next steps for your payment/);
    });
  });

  it('off: nobody takes the chat; switched on at run time by a console, it does; every console sees it', async () => {
    await withServer({ debug: true, simulatedAgent: false, simulatedAgentDelay: 20 }, async (server) => {
      // Neither can take the credit team.
      const tess = await Agent.signIn(server, 'Tess', 'travel');
      const wes = await Agent.signIn(server, 'Wes', 'rewards');
      const joins = (f: ServerFrame): boolean =>
        f.type === 'event' && f.event.notice?.code === 'agent-joined';
      const c = await Customer.join(server);
      await c.askForAgent();
      await tess.accept(c.id);
      tess.send({ type: 'transfer', conversationId: c.id, team: 'credit' });
      await c.waiting((f) => f.team === 'credit');
      await none(c.peer, joins, 120);

      const stranger = await Peer.open(server.agentUrl, parseAgentServerFrame);
      stranger.send({ type: 'simulate', enabled: true });
      await stranger.next((f) => f.type === 'error' && f.code === 'not-ready', 'not-ready');

      wes.send({ type: 'simulate', enabled: true });
      await wes.board((b) => b.simulate);
      await tess.board((b) => b.simulate);
      const sam = await c.event(
        (e) => e.notice?.code === 'agent-joined' && e.notice.agent === 'Sam',
        'Sam joins',
      );
      assert.equal(sam.text, "You're now chatting with Sam from the credit team.");

      // Off again: the next one waits.
      wes.send({ type: 'simulate', enabled: false });
      await tess.board((b) => !b.simulate);
      const d = await Customer.join(server, 'es');
      await d.askForAgent();
      await tess.accept(d.id);
      tess.send({ type: 'transfer', conversationId: d.id, team: 'credit' });
      await d.waiting((f) => f.team === 'credit');
      await none(d.peer, joins, 120);
      const board = await wes.board((b) => b.waiting.length === 1);
      assert.equal(board.simulate, false);
    });
  });

  it('waits for a person who can take the team; when they sign out, the simulated agent takes it', async () => {
    await withServer({ debug: true, simulatedAgent: true, simulatedAgentDelay: 20 }, async (server) => {
      // A disputes agent can take general: the simulated Alex leaves the chat to her.
      const maria = await Agent.signIn(server, 'Maria', 'disputes');
      const c = await Customer.join(server, 'es');
      await c.askForAgent();
      await none(c.peer, (f) => f.type === 'event' && f.event.notice?.code === 'agent-joined', 120);
      await maria.peer.close();
      const alex = await c.notice('agent-joined');
      assert.equal(alex.text, 'Ahora está hablando con Alex, agente de atención al cliente.');
      const hello = await c.reply('agent');
      assert.equal(hello.text, 'Hola, soy Alex. ¿En qué puedo ayudarle hoy?');
    });
  });

  it('a person of another team transfers to a team nobody is signed in for: its simulated agent takes it', async () => {
    await withServer({ debug: true, simulatedAgent: true, simulatedAgentDelay: 20 }, async (server) => {
      const maria = await Agent.signIn(server, 'Maria', 'disputes');
      const c = await Customer.join(server);
      await c.askForAgent();
      await maria.accept(c.id);
      maria.send({ type: 'transfer', conversationId: c.id, team: 'rewards' });
      const priya = await c.event(
        (e) => e.notice?.code === 'agent-joined' && e.notice.agent === 'Priya',
        'Priya joins',
      );
      assert.equal(priya.text, "You're now chatting with Priya from the rewards team.");
      await maria.board((b) => b.waiting.length === 0 && b.agents[0]?.conversations === 0);
    });
  });
});

/**
 * What a person does with a conversation after accepting it: transfers to another team, the end
 * of a chat with a case number and follow-ups, the customer ending it, asking again after the
 * end, agents who disconnect, and several agents with several customers at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRedactor, redact } from '../../src/redaction/index.js';
import { CASE_NUMBER } from '../../server/case-number.js';
import { Agent, Customer, none, stored, withServer } from '../support/contact-center.js';
import type { AgentFrame } from '../support/contact-center.js';

describe('contact center: agent consoles', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: transfer → notice, released, to the front of the team's queue with transferredFrom`, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general');
        const watcher = await Agent.signIn(server, 'Wes', 'disputes');
        const [first, second] = [await Customer.join(server, lang), await Customer.join(server, lang)];
        await first.askForAgent();
        await second.askForAgent();
        await ana.accept(first.id);
        await ana.accept(second.id);
        ana.send({ type: 'transfer', conversationId: first.id, team: 'disputes' });
        const notice = await first.notice('transferred');
        assert.deepEqual(notice.notice, { code: 'transferred', team: 'disputes' });
        assert.equal(
          notice.text,
          lang === 'es'
            ? 'Ana le está transfiriendo al equipo de disputas. Quédese en este chat, por favor.'
            : 'Ana is transferring you to the disputes team. Please stay in this chat.',
        );
        const released = await ana.next('released', (f) => f.conversationId === first.id);
        assert.deepEqual(released, { type: 'released', conversationId: first.id, reason: 'transferred' });
        assert.deepEqual(await first.waiting((f) => f.team === 'disputes'), {
          type: 'queue',
          waiting: true,
          position: 1,
          etaSeconds: 120,
          team: 'disputes',
        });
        // The second goes to the front, ahead of the first.
        ana.send({ type: 'transfer', conversationId: second.id, team: 'disputes' });
        await second.waiting((f) => f.team === 'disputes' && f.position === 1);
        await first.waiting((f) => f.team === 'disputes' && f.position === 2);
        const board = await watcher.board(
          (b) => b.waiting.length === 2 && b.waiting.every((w) => w.team === 'disputes'),
        );
        assert.deepEqual(
          board.waiting.map((w) => [w.conversationId, w.team, w.position, w.transferredFrom]),
          [
            [second.id, 'disputes', 1, 'general'],
            [first.id, 'disputes', 2, 'general'],
          ],
        );
        // To a supervisor.
        const assigned = await watcher.accept(second.id);
        assert.equal(assigned.team, 'disputes');
        watcher.send({ type: 'transfer', conversationId: second.id, team: 'supervisor' });
        const up = await second.event(
          (e) => e.notice?.code === 'transferred' && e.notice.team === 'supervisor',
        );
        assert.equal(
          up.text,
          lang === 'es'
            ? 'Wes le está transfiriendo con un supervisor. Quédese en este chat, por favor.'
            : 'Wes is transferring you to a supervisor. Please stay in this chat.',
        );
      });
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: the agent ends the chat → case number, summary, released; follow-ups from the case; rating`, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'disputes');
        const c = await Customer.join(server, lang);
        await c.say(
          lang === 'es'
            ? 'Quiero disputar un cargo en ACME por $50.00 el 15/08'
            : 'I want to dispute $50.00 at ACME on 08/15',
        );
        await c.reply();
        await c.askForAgent();
        await ana.accept(c.id);
        // A rating before the end is ignored.
        c.peer.send({ type: 'rating', score: 1 });
        const summary =
          lang === 'es'
            ? 'Abrimos la disputa del cargo de ACME; te escribiremos en 30 días.'
            : 'We opened the dispute of the ACME charge; we will write within 30 days.';
        ana.send({ type: 'end', conversationId: c.id, summary });
        const ended = await c.notice('ended');
        assert.equal(ended.notice?.code, 'ended');
        const caseNumber = ended.notice?.code === 'ended' ? ended.notice.caseNumber : '';
        assert.match(caseNumber, CASE_NUMBER);
        assert.equal(ended.notice?.code === 'ended' && ended.notice.summary, summary);
        assert.equal(
          ended.text,
          lang === 'es'
            ? `Este chat terminó. Su número de referencia es ${caseNumber}. Resumen: ${summary}`
            : `This chat has ended. Your reference number is ${caseNumber}. Summary: ${summary}`,
        );
        const released = await ana.next('released');
        assert.deepEqual(released, { type: 'released', conversationId: c.id, reason: 'ended', caseNumber });
        await ana.board((b) => b.agents[0]?.conversations === 0);

        // Follow-ups: the assistant answers from the case, with the dispute timeline.
        await c.say(
          lang === 'es'
            ? 'Confirme los próximos pasos y el plazo, por favor'
            : 'Please confirm next steps and the expected timeline',
        );
        const next = await c.reply();
        assert.equal(
          next.text.startsWith(
            lang === 'es'
              ? `Esto es lo que acordamos (referencia ${caseNumber}): ${summary}`
              : `Here is what was agreed (reference ${caseNumber}): ${summary}`,
          ),
          true,
          next.text,
        );
        assert.match(next.text, lang === 'es' ? /60 días.*90 días/ : /60 days.*90 days/);
        await c.say(lang === 'es' ? '¿Cuál es mi número de caso?' : "what's my case number");
        assert.match((await c.reply()).text, new RegExp(caseNumber));
        await c.say(lang === 'es' ? '¿Qué acordamos?' : 'What was agreed?');
        assert.match((await c.reply()).text, new RegExp(caseNumber));

        // Rating: the last one counts, once.
        const ratings = server.stats.ratings;
        c.peer.send({ type: 'rating', score: 2 });
        c.peer.send({ type: 'rating', score: 5 });
        c.peer.send({ type: 'rating', score: 9 });
        await c.peer.next((f) => f.type === 'error' && f.code === 'bad-frame', 'bad-frame for a score of 9');
        const s = await stored(server, c.id);
        assert.deepEqual([s.phase, s.caseNumber, s.rating, s.agent], ['ended', caseNumber, 5, null]);
        assert.equal(server.stats.ratings, ratings + 1);
        assert.ok(server.stats.ratingTotal >= 5);

        // Ending again: nothing.
        c.peer.send({ type: 'end' });
        await none(
          c.peer,
          (f) => f.type === 'event' && f.event.notice?.code === 'ended' && f.event.seq !== ended.seq,
        );
      });
    });
  }

  it('an empty summary becomes the recap; the customer quoting the case number is not redacted', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.say('I lost my card');
      await c.reply();
      await c.askForAgent();
      await ana.accept(c.id);
      ana.send({ type: 'end', conversationId: c.id, summary: 'x'.repeat(2001) });
      await ana.error('too-long');
      ana.send({ type: 'end', conversationId: c.id, summary: '   ' });
      const ended = await c.notice('ended');
      assert.ok(ended.notice?.code === 'ended');
      // Nothing was identified or confirmed: the summary claims no lock and no replacement.
      assert.match(ended.notice.summary, /^We talked about a lost or stolen card\. /);
      assert.doesNotMatch(ended.notice.summary, /lock|replac|on its way|sent/i);
      const redactor = createRedactor({ lang: 'en' });
      redactor.observe(ended.text);
      const quote = `my case ${ended.notice.caseNumber}`;
      assert.equal(redactor.redact(quote).text, quote);
      assert.equal(redact(quote).text, quote);
      await c.say(quote);
      assert.match((await c.reply()).text, new RegExp(ended.notice.caseNumber));
    });
  });

  it('the customer ends: while queued (leaves the queue), with an agent (released customer-ended), already ended (nothing)', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const [q, withAgent, idle] = [
        await Customer.join(server, 'es'),
        await Customer.join(server),
        await Customer.join(server),
      ];
      await q.askForAgent();
      q.peer.send({ type: 'end' });
      const ended = await q.notice('ended');
      assert.ok(ended.notice?.code === 'ended');
      assert.match(ended.text, /^Este chat terminó\. Su número de referencia es AMX-/);
      assert.match(ended.notice.summary, /^Hablamos de su cuenta/);
      await q.queue((f) => !f.waiting);
      await ana.board((b) => b.waiting.length === 0);

      await withAgent.askForAgent();
      await ana.accept(withAgent.id);
      withAgent.peer.send({ type: 'end' });
      const theirs = await withAgent.notice('ended');
      const released = await ana.next('released');
      assert.ok(theirs.notice?.code === 'ended');
      assert.deepEqual(released, {
        type: 'released',
        conversationId: withAgent.id,
        reason: 'customer-ended',
        caseNumber: theirs.notice.caseNumber,
      });
      assert.notEqual(theirs.notice.caseNumber, ended.notice.caseNumber);

      // With the assistant only: a case all the same.
      idle.peer.send({ type: 'end' });
      const idleEnded = await idle.notice('ended');
      idle.peer.send({ type: 'end' });
      await none(idle.peer, (f) => f.type === 'event' && f.event.seq > idleEnded.seq);
      assert.equal(server.stats.cases, 3);
    });
  });

  it('after the end, asking for a person again re-queues; leaving then keeps the chat ended', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.askForAgent();
      await ana.accept(c.id);
      ana.send({ type: 'end', conversationId: c.id, summary: 'Done.' });
      await c.notice('ended');
      await c.say('I want to talk to an agent again');
      await c.event((e) => e.notice?.code === 'queued' && e.seq > 5, 'a second queued notice');
      assert.equal((await c.waiting()).position, 1);
      c.peer.send({ type: 'leave-queue' });
      await c.notice('left-queue');
      assert.equal((await stored(server, c.id)).phase, 'ended');
    });
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: an agent who disconnects puts their conversations back at the front of the line`, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general');
        const bo = await Agent.signIn(server, 'Bo', 'general');
        const [a, b, waiting] = [
          await Customer.join(server, lang),
          await Customer.join(server, lang),
          await Customer.join(server),
        ];
        await a.askForAgent();
        await b.askForAgent();
        await waiting.askForAgent();
        await ana.accept(a.id);
        await ana.accept(b.id);
        assert.equal((await waiting.waiting((f) => f.position === 1)).position, 1);
        await ana.peer.close();
        const left = await a.notice('agent-left');
        assert.deepEqual(left.notice, { code: 'agent-left', agent: 'Ana' });
        assert.equal(
          left.text,
          lang === 'es'
            ? 'Ana se desconectó. Usted está de nuevo al principio de la fila.'
            : "Ana was disconnected. You're back at the front of the line.",
        );
        await b.notice('agent-left');
        // In the order Ana took them, ahead of the one who was waiting.
        assert.equal((await a.waiting()).position, 1);
        await b.waiting((f) => f.position === 2, 'b second, behind a');
        await waiting.waiting((f) => f.position === 3);
        const board = await bo.board((x) => x.agents.length === 1 && x.waiting.length === 3);
        assert.deepEqual(
          board.waiting.map((w) => w.conversationId),
          [a.id, b.id, waiting.id],
        );
        assert.equal((await stored(server, a.id)).phase, 'queued');
      });
    });
  }

  it('several agents and several customers at once: each agent sees only its conversations', async () => {
    await withServer({ debug: true }, async (server) => {
      const agents = await Promise.all([
        Agent.signIn(server, 'Ana', 'general'),
        Agent.signIn(server, 'Bo', 'general'),
      ]);
      const customers = await Promise.all(
        [0, 1, 2, 3].map((i) => Customer.join(server, i % 2 ? 'es' : 'en')),
      );
      for (const c of customers) await c.askForAgent();
      const owner = new Map<string, Agent>();
      await Promise.all(
        customers.map(async (c, i) => {
          const agent = agents[i % 2]!;
          owner.set(c.id, agent);
          await agent.accept(c.id);
        }),
      );
      await Promise.all(customers.map((c, i) => c.say(`message ${i}`)));
      // (Not the conversation id in the text: the server redacts agents' messages too, and a
      // random id's digits can read as a card number in parts.)
      await Promise.all(customers.map((c, i) => owner.get(c.id)!.say(c.id, `answer for customer ${i}`)));
      await Promise.all(customers.map((c, i) => c.event((e) => e.text === `answer for customer ${i}`)));
      for (const agent of agents) {
        const mine = customers.filter((c) => owner.get(c.id) === agent).map((c) => c.id);
        const seen = new Set(
          agent.peer
            .all((f) => f.type === 'conversation-event')
            .map((f) => (f as AgentFrame<'conversation-event'>).conversationId),
        );
        assert.deepEqual([...seen].sort(), [...mine].sort());
      }
      for (const [i, c] of customers.entries()) {
        assert.equal(
          c.events().filter((e) => e.from === 'customer' && e.text.startsWith('message')).length,
          1,
          `customer ${i}`,
        );
        assert.equal(c.events().filter((e) => e.from === 'agent').length, 1);
      }
      const board = await agents[0].board((b) => b.agents.every((a) => a.conversations === 2));
      assert.equal(board.waiting.length, 0);
    });
  });
});

/**
 * The contact center's queue over the real protocols (a real server on 127.0.0.1 for each
 * test, real WebSocket clients): asking for a person, positions and wait estimates, the
 * assistant while queued, leaving the line, a full line and resuming while queued.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent, Customer, none, stored, withServer } from '../support/contact-center.js';

describe('contact center: the queue', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: asking for a person gives the assistant's answer, a queued notice, then a queue frame`, async () => {
      await withServer({ debug: true }, async (server) => {
        const alice = await Customer.join(server, lang);
        await alice.say(lang === 'es' ? 'Quiero hablar con un agente' : 'representative please');
        const answer = await alice.reply();
        assert.match(answer.text, lang === 'es' ? /Le comunico con un agente/ : /connect you with an agent/);
        const notice = await alice.notice('queued');
        assert.equal(notice.seq, answer.seq + 1);
        assert.equal(notice.from, 'system');
        assert.equal(notice.name, '');
        assert.deepEqual(notice.notice, { code: 'queued', team: 'general' });
        assert.equal(
          notice.text,
          lang === 'es'
            ? 'Usted está en la fila para hablar con un agente. Puede seguir conversando con el asistente virtual mientras espera, o salir de la fila cuando quiera.'
            : "You're in line for a live agent. You can keep chatting with the virtual assistant while you wait, or leave the line at any time.",
        );
        const queue = await alice.waiting();
        assert.deepEqual(queue, {
          type: 'queue',
          waiting: true,
          position: 1,
          etaSeconds: 120,
          team: 'general',
        });
        // The frame came after the notice.
        const frames = alice.peer.frames;
        assert.ok(
          frames.findIndex((f) => f.type === 'queue') >
            frames.findIndex((f) => f.type === 'event' && f.event.seq === notice.seq),
        );
        assert.equal((await stored(server, alice.id)).phase, 'queued');
      });
    });
  }

  it('"live person" and the quick reply queue too', async () => {
    await withServer({ debug: true }, async (server) => {
      const a = await Customer.join(server);
      await a.say('Can I speak to a live person?');
      await a.notice('queued');
      const b = await Customer.join(server, 'es');
      const greeting = b.events()[0];
      const quick = greeting?.quickReplies?.find((q) => /agente/.test(q.label));
      assert.ok(quick);
      await b.say(quick.value);
      await b.notice('queued');
      await b.waiting((f) => f.position === 2, 'b second, behind a');
    });
  });

  it('three customers get positions 1, 2, 3; positions move when the first is accepted or leaves', async () => {
    await withServer({ debug: true }, async (server) => {
      const [a, b, c] = [
        await Customer.join(server),
        await Customer.join(server, 'es'),
        await Customer.join(server),
      ];
      assert.equal((await a.askForAgent()).position, 1);
      assert.equal((await b.askForAgent()).position, 2);
      const third = await c.askForAgent();
      assert.equal(third.position, 3);
      assert.equal(third.etaSeconds, 360);

      const agent = await Agent.signIn(server, 'Ana', 'general');
      await agent.accept(a.id);
      assert.equal((await b.waiting()).position, 1);
      assert.equal((await c.waiting()).position, 2);

      b.peer.send({ type: 'leave-queue' });
      await b.notice('left-queue');
      assert.equal((await c.waiting()).position, 1);
      const board = await agent.board((f) => f.waiting.length === 1);
      assert.equal(board.waiting[0]?.conversationId, c.id);
      assert.equal(board.waiting[0]?.position, 1);
    });
  });

  it('the estimate counts the people who can take the team, and is re-sent while waiting', async () => {
    await withServer({ debug: true, queueUpdateMs: 100, handleSeconds: 60 }, async (server) => {
      const a = await Customer.join(server);
      const b = await Customer.join(server);
      assert.equal((await a.askForAgent()).etaSeconds, 60);
      assert.equal((await b.askForAgent()).etaSeconds, 120);
      // A periodic update: same place, and after a second the estimate has moved.
      const later = await b.waiting((f) => f.etaSeconds < 120, 'a lower estimate');
      assert.equal(later.position, 2);
      assert.ok(later.etaSeconds >= 117);
      // Ten seconds is the floor.
      await withServer({ debug: true, handleSeconds: 5 }, async (small) => {
        const c = await Customer.join(small);
        assert.equal((await c.askForAgent()).etaSeconds, 10);
      });
    });
  });

  it('two people who can take general halve the estimate', async () => {
    await withServer({ debug: true, queueUpdateMs: 50 }, async (server) => {
      await Agent.signIn(server, 'Ana', 'general');
      await Agent.signIn(server, 'Bo', 'disputes');
      const [a, b] = [await Customer.join(server), await Customer.join(server)];
      await a.askForAgent();
      assert.equal((await b.askForAgent()).etaSeconds, 120);
    });
  });

  it('keeps talking to the assistant while queued, and says so when asked again (en, es)', async () => {
    await withServer({ debug: true }, async (server) => {
      const a = await Customer.join(server);
      const b = await Customer.join(server, 'es');
      await a.askForAgent();
      await b.askForAgent();
      await a.say('When is my payment due?');
      assert.match((await a.reply()).text, /payment due date/);
      await a.say('I want to talk to an agent');
      const again = await a.reply();
      assert.equal(
        again.text,
        "You're already in line: you're number 1. I can keep helping you here while you wait.",
      );
      await b.say('hablar con una persona');
      const es = await b.event((e) => e.from === 'assistant' && /Ya está en la fila/.test(e.text));
      assert.match(es.text, /tiene el número 2/);
      // No second notice, no waiting:false.
      assert.equal(a.events().filter((e) => e.notice?.code === 'queued').length, 1);
      assert.equal(a.peer.all((f) => f.type === 'queue' && !f.waiting).length, 0);
    });
  });

  it('asked again while a person takes over: the assistant says who the customer is chatting with', async () => {
    await withServer({ debug: true, replyDelay: 60 }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.askForAgent();
      await c.say('agent please');
      await c.peer.next((f) => f.type === 'typing' && f.active, 'the assistant typing');
      await ana.accept(c.id);
      const answer = await c.reply();
      assert.equal(answer.text, "You're already chatting with Ana.");
      assert.equal(c.events().filter((e) => e.notice?.code === 'queued').length, 1);
    });
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: leaving the line by frame and by text; no effect when not queued`, async () => {
      await withServer({ debug: true }, async (server) => {
        const a = await Customer.join(server, lang);
        await a.askForAgent();
        a.peer.send({ type: 'leave-queue' });
        const left = await a.notice('left-queue');
        assert.equal(
          left.text,
          lang === 'es'
            ? 'Salió de la fila. El asistente virtual sigue aquí para ayudarle.'
            : 'You left the line. The virtual assistant is still here to help.',
        );
        await a.queue((f) => !f.waiting);
        assert.equal((await stored(server, a.id)).phase, 'assistant');
        // Again: nothing, no error.
        a.peer.send({ type: 'leave-queue' });
        await none(
          a.peer,
          (f) =>
            f.type === 'error' || (f.type === 'event' && f.event.kind === 'notice' && f.event.seq > left.seq),
        );

        // By text.
        await a.askForAgent();
        const leaveText = lang === 'es' ? 'Quiero salir de la fila' : 'Please let me leave the line';
        await a.say(leaveText);
        await a.notice('left-queue');
        await a.queue((f) => !f.waiting);
        // Not queued: the same words go to the assistant.
        await a.say(lang === 'es' ? 'dejar de esperar' : 'stop waiting');
        const answer = await a.reply();
        assert.equal(answer.kind, 'message');
        assert.equal(a.events().filter((e) => e.notice?.code === 'left-queue').length, 2);
      });
    });
  }

  it('other leave phrasings while queued: cancel the request, stop waiting, cancelar, salir de la cola', async () => {
    await withServer({ debug: true }, async (server) => {
      for (const [lang, text] of [
        ['en', 'cancel the request'],
        ['en', 'I want to stop waiting'],
        ['es', 'cancelar'],
        ['es', 'salir de la cola por favor'],
        ['es', 'dejar de esperar'],
      ] as const) {
        const c = await Customer.join(server, lang);
        await c.askForAgent();
        await c.say(text);
        await c.notice('left-queue');
      }
    });
  });

  it('the line is full at maxQueue: the assistant says so (phone route), nobody is queued', async () => {
    await withServer({ debug: true, maxQueue: 2 }, async (server) => {
      const a = await Customer.join(server);
      const b = await Customer.join(server);
      await a.askForAgent();
      await b.askForAgent();
      for (const lang of ['en', 'es'] as const) {
        const c = await Customer.join(server, lang);
        await c.say(lang === 'es' ? 'Quiero un agente' : 'agent');
        const full = await c.reply();
        assert.match(
          full.text,
          lang === 'es'
            ? /está llena.*impreso en el reverso de su tarjeta/
            : /is full right now.*phone number printed on the back of your card/,
        );
        assert.doesNotMatch(full.text, /number on the back of your card/);
        await none(c.peer, (f) => f.type === 'queue' || (f.type === 'event' && f.event.kind === 'notice'));
        assert.equal((await stored(server, c.id)).phase, 'assistant');
      }
    });
  });

  it('a resumed conversation that is queued gets its queue frame after welcome', async () => {
    await withServer({ debug: true }, async (server) => {
      const a = await Customer.join(server);
      const b = await Customer.join(server);
      await a.askForAgent();
      const first = await b.askForAgent();
      await b.peer.close();
      const again = await Customer.join(server, 'en', { conversationId: b.id, lastSeq: 0 });
      assert.equal(again.id, b.id);
      const frames = again.peer.frames;
      const welcomeAt = frames.findIndex((f) => f.type === 'welcome');
      const queue = await again.waiting();
      assert.ok(frames.indexOf(queue) > welcomeAt);
      assert.equal(queue.position, first.position);
      assert.equal(queue.team, 'general');
    });
  });
});

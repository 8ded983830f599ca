/**
 * Case numbers (format, unpredictability, untouched by redaction), the notices' wording (no
 * cue for a secret), logs without message text, closing the server, and end summaries that
 * claim only what the record says was done.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { parseAgentServerFrame } from '../../src/agent-protocol.js';
import { redact } from '../../src/redaction/index.js';
import { expectationFrom } from '../../src/redaction/agent.js';
import { startChatServer } from '../../server/chat-server.js';
import { CASE_NUMBER, caseNumbers, randomCaseKey } from '../../server/case-number.js';
import * as notices from '../../server/notices.js';
import { Agent, CASE, Customer, Peer, stored, withServer } from '../support/contact-center.js';

describe('contact center: case numbers, texts and logs', () => {
  it('case numbers: AMX-XXXX-XXXX, unambiguous letters mixed with digits, unique, untouched by redaction', () => {
    const next = caseNumbers(randomCaseKey());
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const n = next();
      assert.match(n, CASE_NUMBER);
      assert.match(n, CASE);
      assert.doesNotMatch(n, /[IO01]/);
      assert.ok(/\d/.test(n.slice(4)) && /[A-Z]/.test(n.slice(4)), n);
      assert.ok(!seen.has(n), `duplicate ${n}`);
      seen.add(n);
      if (i < 2000) {
        for (const quote of [`my case ${n}`, `mi caso es ${n}`, n]) {
          assert.equal(redact(quote).text, quote, `redacted: ${quote}`);
        }
      }
    }
    // Consecutive cases do not look consecutive.
    const [a, b] = [next(), next()];
    assert.notEqual(a.slice(0, 7), b.slice(0, 7));
  });

  it('case numbers: the ones a customer saw do not predict the next (issue 22)', () => {
    // Read back as the number each spells (the inverse of case-number.ts's spelling), an
    // attacker with any sequence of consecutive cases may try differences and ratios.
    const DIGITS = '23456789';
    const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    const slots = 'dlldldll';
    const SPACE = 8 ** 3 * 24 ** 5;
    const value = (n: string): number => {
      const body = n.slice(4, 8) + n.slice(9);
      let v = 0;
      for (let i = slots.length - 1; i >= 0; i--) {
        const alphabet = slots[i] === 'd' ? DIGITS : LETTERS;
        v = v * alphabet.length + alphabet.indexOf(body[i] ?? '');
      }
      return v;
    };
    const next = caseNumbers();
    const seen = Array.from({ length: 2001 }, () => value(next()));
    let predicted = 0;
    for (let i = 2; i < seen.length; i++) {
      const [x, y, z] = [seen[i - 2] ?? 0, seen[i - 1] ?? 0, seen[i] ?? 0];
      if (z === (2 * y - x + 2 * SPACE) % SPACE) predicted++;
    }
    // By chance a guess is right once in 4·10^9; the old affine sequence was right every time.
    assert.equal(
      predicted,
      0,
      `${predicted} of ${seen.length - 2} case numbers followed from the two before`,
    );
    // Two servers (two keys) hand out different sequences; one key, the same one (Redis).
    const key = randomCaseKey();
    const [p, q, r] = [caseNumbers(key), caseNumbers(key), caseNumbers()];
    const first = [p(), p(), p()];
    assert.deepEqual([q(), q(), q()], first);
    assert.notDeepEqual([r(), r(), r()], first);
  });

  it('no notice or simulated-agent line reads as a question for a secret', () => {
    const texts: string[] = [];
    for (const lang of ['en', 'es'] as const) {
      texts.push(
        notices.queued(lang),
        notices.alreadyQueued(lang, 2),
        notices.alreadyWithAgent(lang, 'Maria'),
        notices.queueFull(lang),
        notices.leftQueue(lang),
        notices.agentLeft(lang, 'Maria'),
        notices.ended(lang, 'AMX-4KF7-Q2ZD', 'Summary.'),
        notices.simGoodbye(lang),
        notices.simAnswer(lang, ''),
        notices.simGreeting(lang, 'Alex', 'general', undefined),
      );
      for (const team of ['general', 'disputes', 'credit', 'rewards', 'travel', 'supervisor'] as const) {
        texts.push(
          notices.agentJoined(lang, 'Maria', team),
          notices.transferred(lang, 'Maria', team),
          notices.simTransferring(lang, team),
          notices.simGreeting(lang, notices.SIMULATED_AGENT_NAME[team], team, 'a topic'),
        );
      }
    }
    for (const text of texts) {
      assert.equal(expectationFrom(text)?.secrets.size ?? 0, 0, `a cue for a secret in: ${text}`);
      assert.doesNotMatch(text, /number on the back of your card|<[a-z/]/i);
    }
  });

  it('logs never contain message text; debug lists phase, team, agent, case and rating', async () => {
    await withServer({ debug: true }, async (server, logs) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.say('Blue Bottle Coffee charged me twice');
      await c.reply();
      await c.askForAgent();
      await ana.accept(c.id);
      await ana.say(c.id, 'Sorry about Blue Bottle Coffee');
      await c.reply('agent');
      ana.send({ type: 'end', conversationId: c.id, summary: 'Refund for Blue Bottle Coffee' });
      await c.notice('ended');
      c.peer.send({ type: 'rating', score: 4 });
      await ana.next('released');
      const s = await stored(server, c.id);
      assert.equal(s.team, 'general');
      assert.equal(s.rating ?? 4, 4);
      assert.match(s.caseNumber ?? '', CASE_NUMBER);
      const all = JSON.stringify(logs);
      assert.doesNotMatch(all, /Blue Bottle|charged me|Sorry about/);
      for (const msg of ['queued', 'accepted', 'ended', 'agent signed in']) {
        assert.ok(
          logs.some((l) => l['msg'] === msg),
          `no "${msg}" log`,
        );
      }
    });
  });

  it('close() stops the timers and closes the consoles', async () => {
    const server = await startChatServer({
      port: 0,
      replyDelay: 5,
      queueUpdateMs: 10,
      simulatedAgentDelay: 50,
    });
    const agent = await Peer.open(server.agentUrl, parseAgentServerFrame);
    agent.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Ana', team: 'travel' });
    await agent.next((f) => f.type === 'board', 'board');
    const c = await Customer.join(server);
    await c.askForAgent();
    await server.close();
    await agent.closed;
    const before = c.peer.frames.length;
    await sleep(100);
    assert.equal(c.peer.frames.length, before);
  });
});

// ---- issue 26: the end summary comes from what was actually done ----------------------------

describe('contact center: summaries from the record', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: "I lost my card" → End chat: the summary claims no lock and no replacement`, async () => {
      await withServer({ debug: true }, async (server) => {
        const c = await Customer.join(server, lang);
        await c.say(lang === 'es' ? 'Perdí mi tarjeta' : 'I lost my card');
        await c.reply();
        c.peer.send({ type: 'end' });
        const ended = await c.notice('ended');
        assert.ok(ended.notice?.code === 'ended');
        const summary = ended.notice.summary;
        assert.doesNotMatch(
          summary,
          /lock|replac|on its way|sent|bloque|reemplazo|en camino|envió/i,
          summary,
        );
        assert.match(summary, lang === 'es' ? /no se hizo ningún cambio/ : /nothing was changed/);
      });
    });

    it(`${lang}: a dispute confirmed with yes → End chat: the summary names it with its details`, async () => {
      await withServer({ debug: true }, async (server) => {
        const c = await Customer.join(server, lang);
        await c.say(lang === 'es' ? 'Quiero disputar un cargo' : 'I want to dispute a charge');
        await c.reply();
        await c.say('Bella Trattoria, Nov 15, $67.06');
        const readBack = await c.reply();
        assert.match(readBack.text, lang === 'es' ? /Responda sí o no/ : /Please answer yes or no/);
        await c.say(lang === 'es' ? 'Sí' : 'Yes');
        const done = await c.reply();
        assert.match(
          done.text,
          lang === 'es' ? /Abrí una disputa por el cargo de \$67\.06/ : /I've opened a dispute for \$67\.06/,
        );
        c.peer.send({ type: 'end' });
        const ended = await c.notice('ended');
        assert.ok(ended.notice?.code === 'ended');
        assert.match(
          ended.notice.summary,
          lang === 'es'
            ? /Se abrió una disputa por el cargo de \$67\.06 en Bella Trattoria del Nov 15\./
            : /A dispute was opened for \$67\.06 at Bella Trattoria on Nov 15\./,
        );
      });
    });
  }

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a person asked for with the topic in the same message: the prefill names the topic`, async () => {
      await withServer({ debug: true }, async (server) => {
        const ana = await Agent.signIn(server, 'Ana', 'general', { languages: ['en', 'es'] });
        const asks =
          lang === 'es'
            ? [
                ['quiero hablar con un agente sobre mi límite de crédito', /su límite de crédito/],
                ['me cobraron dos veces, quiero hablar con un representante', /la disputa de un cargo/],
              ]
            : [
                ['talk to an agent about my credit limit', /your credit limit/],
                ['I was charged twice, can I speak to a representative', /a charge you want to dispute/],
              ];
        for (const [text, topic] of asks as [string, RegExp][]) {
          const c = await Customer.join(server, lang);
          await c.say(text);
          await c.notice('queued');
          const assigned = await ana.accept(c.id);
          assert.doesNotMatch(assigned.summary, /No task discussed yet/, assigned.summary);
          assert.match(assigned.recap, topic, assigned.recap);
          assert.doesNotMatch(
            assigned.recap,
            /no request was opened|no se abrió ninguna solicitud/,
            assigned.recap,
          );
          assert.doesNotMatch(assigned.recap, /was opened|is open|se abrió|está abierta/, assigned.recap);
        }
      });
    });
  }

  it('a transfer is kept in the record: the next team sees it in the summary and the recap', async () => {
    await withServer({ debug: true }, async (server) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.say('I want to dispute a charge');
      await c.reply();
      // Nobody of disputes is signed in yet: the request waits in the general queue.
      await c.askForAgent();
      await ana.accept(c.id);
      const bo = await Agent.signIn(server, 'Bo', 'disputes');
      ana.send({ type: 'transfer', conversationId: c.id, team: 'disputes' });
      await ana.next('released');
      const assigned = await bo.accept(c.id);
      assert.match(assigned.summary, /Transferred to disputes/);
      assert.match(assigned.recap, /You were transferred to the disputes team\./);
      assert.doesNotMatch(assigned.recap, /was opened|is open/);
    });
  });
});

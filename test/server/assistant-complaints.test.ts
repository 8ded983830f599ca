/**
 * Complaints and case status (issue 26, item 5), over the real protocol on a real server: "I want
 * to file a complaint" reads the complaint back and files it only on an explicit yes, with a
 * reference number; "what's the status of AMX-…" answers from the store (memory, and Redis shared
 * by two instances) for the same customer only, and "I can't find that case" in the same words
 * for anyone else or any unknown number. The complaint is in the record (end summary, agent's
 * prefill) and is stored redacted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import { createAssistant, memoryDesk } from '../../server/assistant/index.js';
import type { Lang } from '../../server/assistant/index.js';
import { CASE_NUMBER } from '../../server/case-number.js';
import { expectationFrom } from '../../src/redaction/agent.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions, TokenVerdict } from '../../server/chat-server.js';
import { agent, eventOf, isEvent } from '../support/actors.js';
import { withServer } from '../support/server.js';
import { CLAIM, READ_BACK } from '../support/assistant-actions.js';
import { Customer } from '../support/assistant-chat.js';
import { sharedRedis } from '../support/cluster.js';

const SUBJECTS: Record<string, string> = { 'tok-alice': 'alice', 'tok-alice-2': 'alice', 'tok-bob': 'bob' };
function verifyToken(token: string | undefined): TokenVerdict {
  const subject = token === undefined ? undefined : SUBJECTS[token];
  return subject === undefined ? 'invalid' : { subject };
}

const COMPLAINT_EN = 'The agent hung up on me twice and nobody called me back';
const COMPLAINT_ES = 'Me cobraron la anualidad dos veces y nadie me dio una respuesta';

/** Files a complaint in English: the answers to each step, and its reference number. */
async function fileComplaint(
  c: Customer,
  about = COMPLAINT_EN,
): Promise<{ readBack: string; done: string; ref: string }> {
  const asked = await c.say('I want to file a complaint');
  assert.match(asked, /What is it about\?/);
  const readBack = await c.say(about);
  const done = await c.say('yes');
  const ref = /AMX-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(done)?.[0] ?? '';
  assert.match(ref, CASE_NUMBER, `a reference number in "${done}"`);
  return { readBack, done, ref };
}

/** The not-found answer with the number taken out (it must read the same for every number). */
const notFound = (text: string, ref: string): string => text.replace(ref, '<ref>');

const QUICK: ChatServerOptions = { replyDelay: 0 };

describe('complaints: the flow (one assistant, a desk in memory)', () => {
  function chat(lang: Lang, ...texts: string[]): string[] {
    const a = createAssistant(lang, undefined, { desk: memoryDesk(), customer: 'c1', conversationId: 'x' });
    return texts.map((t) => a.reply(t).text);
  }

  for (const lang of ['en', 'es'] as const) {
    const start = lang === 'es' ? 'Quiero presentar una queja' : 'I want to file a complaint';
    const about = lang === 'es' ? COMPLAINT_ES : COMPLAINT_EN;

    it(`${lang}: unclear answers to the read-back are asked again twice, then an agent is offered`, () => {
      const replies = chat(lang, start, about, 'hmm', 'maybe later', 'ok', lang === 'es' ? 'sí' : 'yes');
      for (const r of replies) assert.ok(!CLAIM.test(r), r);
      assert.match(replies[2]!, READ_BACK);
      assert.match(replies[3]!, READ_BACK);
      assert.match(replies[4]!, lang === 'es' ? /Un agente puede ayudarle/ : /An agent can help you/);
    });

    it(`${lang}: "I don't remember" and filler are never the complaint; a yes without it files nothing`, () => {
      const dontKnow = lang === 'es' ? 'No me acuerdo' : "I don't remember";
      const replies = chat(
        lang,
        start,
        lang === 'es' ? 'sí' : 'yes',
        dontKnow,
        lang === 'es' ? 'gracias' : 'thanks',
      );
      for (const r of replies) assert.ok(!CLAIM.test(r) && !/AMX-/.test(r), r);
    });

    it(`${lang}: every question and read-back is safe for the redactor`, () => {
      for (const r of chat(lang, start, about, 'no', 'hmm', 'never mind', `status of AMX-2AB3-C4DE`)) {
        assert.equal(expectationFrom(r)?.secrets.size ?? 0, 0, `a cue for a secret: ${r}`);
      }
    });
  }

  it('after the read-back, a short correction counts only with a cue ("actually", "corrección")', () => {
    const es = chat(
      'es',
      'Quiero poner una queja',
      COMPLAINT_ES,
      'Corrección: sucursal del centro',
      'sucursal del centro',
    );
    assert.match(es[2]!, /: "Corrección: sucursal del centro"\. ¿Desea que la registre\?/);
    assert.match(es[3]!, /^Perdone, necesito un sí o un no\./);
    const en = chat(
      'en',
      'I want to file a complaint',
      COMPLAINT_EN,
      'actually the downtown branch',
      'downtown branch again',
    );
    assert.match(en[2]!, /: "actually the downtown branch"\. Shall I file it\?/);
    assert.match(en[3]!, /^Sorry, I need a clear yes or no\./);
  });

  it('reads a complaint in many phrasings, and leaves other messages alone', () => {
    const a = (t: string): string => createAssistant('en', undefined, { desk: memoryDesk() }).reply(t).intent;
    for (const t of [
      'I want to file a complaint',
      'I would like to make a formal complaint',
      'how do I complain about an employee',
      'i want to file a complant',
      'complaint: the app logged me out',
      'Quiero poner una queja',
      'quiero hacer un reclamo por el mal servicio',
      'Tengo una qeuja',
      'me quiero quejar',
    ]) {
      assert.equal(a(t), 'complaint', t);
    }
    for (const t of ['Is my account compliant with the new rules?', 'I want to dispute a charge', 'hola']) {
      assert.notEqual(a(t), 'complaint', t);
    }
  });
});

describe('complaints (memory store)', () => {
  it('reads the complaint back, files it only on yes, and gives a reference number', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: 'acct-1005' });
      const asked = await c.say('I want to file a complaint');
      assert.doesNotMatch(asked, /AMX-|Done\./);
      const readBack = await c.say(COMPLAINT_EN);
      assert.equal(
        readBack,
        `I'll file this complaint with our customer relations team: "${COMPLAINT_EN}". Shall I file it? Please answer yes or no.`,
      );
      // Nothing filed yet: the status question finds no complaint in this chat.
      assert.match(await c.say("what's the status of my complaint?"), /^Which case is it\?/);
      const done = await c.say('yes');
      assert.match(done, /^Done\. I've filed your complaint .* Your reference number is AMX-/);
      const ref = /AMX-[A-Z0-9-]{9}/.exec(done)?.[0] ?? '';
      assert.match(ref, CASE_NUMBER);
      const status = await c.say(`What's the status of ${ref}?`);
      assert.match(status, new RegExp(`^Your complaint ${ref}, filed on .*, is open`));
      assert.ok(status.includes(COMPLAINT_EN), status);
    });
  });

  it('no, then cancel: nothing is filed and no number is given', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: 'acct-1005' });
      await c.say('I want to complain about my last statement, it was sent late');
      assert.match(await c.say('no'), /What should I change\?/);
      assert.match(await c.say('never mind'), /nothing has been changed/);
      assert.match(await c.say('yes'), /^Sorry, I didn't understand|^Hello|What can I help/);
      assert.doesNotMatch(c.seen, /AMX-/);
      assert.match(await c.end(), /About a complaint: it was not completed in this chat/);
    });
  });

  it('a correction after the read-back is read back again before anything is filed', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server);
      await c.say('I would like to make a complaint');
      await c.say('The branch was closed during opening hours');
      const again = await c.say('no, the branch on Main Street was closed during its opening hours');
      assert.match(
        again,
        /: "the branch on Main Street was closed during its opening hours"\. Shall I file it\?/,
      );
      assert.match(await c.say('yes'), /Your reference number is AMX-/);
    });
  });

  it('"the agent was rude" is the complaint, not a request for an agent', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server);
      const readBack = await c.say('I want to file a complaint about the agent, she was rude to me');
      assert.match(readBack, /"the agent, she was rude to me"\. Shall I file it\?/);
      assert.equal(c.peer.all((f) => f.type === 'queue').length, 0, 'not queued');
    });
  });

  it('the same customer finds it from another chat; another customer and unknown numbers get the same not-found', async () => {
    await withServer(QUICK, async (server) => {
      const alice = await Customer.start(server, { account: 'acct-1005' });
      const { ref } = await fileComplaint(alice);
      const again = await Customer.start(server, { account: 'acct-1005' });
      assert.match(await again.say(`status of ${ref.toLowerCase()}`), new RegExp(`^Your complaint ${ref}`));
      const bob = await Customer.start(server, { account: 'acct-2002' });
      const theirs = await bob.say(`What's the status of ${ref}?`);
      assert.match(theirs, /^I can't find that case/);
      assert.ok(!theirs.includes(COMPLAINT_EN));
      const unknown = 'AMX-2AB3-C4DE';
      const none = await bob.say(`What's the status of ${unknown}?`);
      assert.equal(notFound(none, unknown), notFound(theirs, ref), 'the same words for both');
      // No account at all: the chat is the only identity, so nobody else's case is found.
      const anonymous = await Customer.start(server);
      assert.match(await anonymous.say(ref), /^I can't find that case/);
    });
  });

  it('Spanish: read-back, yes, reference, status and not found', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { lang: 'es', account: 'acct-3003' });
      assert.match(await c.say('Quiero poner una queja'), /¿De qué se trata\?/);
      assert.equal(
        await c.say(COMPLAINT_ES),
        `Voy a registrar esta queja para nuestro equipo de atención a clientes: "${COMPLAINT_ES}". ¿Desea que la registre? Responda sí o no.`,
      );
      const done = await c.say('sí');
      assert.match(done, /^Listo\. Registré su queja .* Su número de referencia es AMX-/);
      const ref = /AMX-[A-Z0-9-]{9}/.exec(done)?.[0] ?? '';
      assert.match(
        await c.say(`¿Cuál es el estado de ${ref}?`),
        new RegExp(`^Su queja ${ref}, registrada el .* está abierta`),
      );
      assert.match(await c.say('¿cómo va mi queja?'), new RegExp(`^Su queja ${ref}`));
      const other = await Customer.start(server, { lang: 'es', account: 'acct-4004' });
      assert.match(await other.say(`estado del caso ${ref}`), /^No encuentro ese caso/);
      // Typed with a typo and the reason in the same message.
      const typo = await Customer.start(server, { lang: 'es' });
      assert.match(
        await typo.say('quiero poner una qeuja porque nadie contesta el teléfono'),
        /"nadie contesta el teléfono"/,
      );
    });
  });

  it('the end summary and the agent’s prefill name the complaint and its number', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server, { account: 'acct-1005' });
      const { ref } = await fileComplaint(c);
      const summary = await c.end();
      assert.match(summary, /^We talked about a complaint\. A complaint was filed under reference AMX-/);
      assert.ok(summary.includes(ref) && summary.includes(COMPLAINT_EN), summary);
      // The chat's own case number is answered too, to the same customer.
      const ended = c.peer.all(
        (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'ended',
      );
      const chatRef = (eventOf(ended[0]!).notice as { caseNumber: string }).caseNumber;
      const later = await Customer.start(server, { account: 'acct-1005' });
      assert.match(
        await later.say(`status of ${chatRef}`),
        new RegExp(
          `^${chatRef} is the reference of our chat on .*, which has ended\\. Its summary: We talked about a complaint`,
        ),
      );

      const d = await Customer.start(server, { account: 'acct-2002' });
      const { ref: ref2 } = await fileComplaint(d);
      const console = await agent(server);
      d.peer.send({ type: 'message', id: 'to-agent', text: 'I want to talk to an agent' });
      await console.next(
        (f) =>
          f.type === 'board' &&
          (f['waiting'] as { conversationId: string }[]).some((w) => w.conversationId === d.id),
        'on the board',
      );
      console.send({ type: 'accept', conversationId: d.id });
      const assigned = await console.next(
        (f) => f.type === 'assigned' && f['conversationId'] === d.id,
        'assigned',
      );
      assert.match(
        assigned['summary'] as string,
        new RegExp(`Complaint filed \\(${ref2}\\): "${COMPLAINT_EN}"`),
      );
      assert.match(assigned['recap'] as string, new RegExp(`A complaint was filed under reference ${ref2}`));
      await console.close();
    });
  });

  it('the complaint is redacted by the server before it is read back or filed', async () => {
    await withServer(QUICK, async (server) => {
      const c = await Customer.start(server);
      await c.say('I want to file a complaint');
      // Sent raw, as a client that skipped the widget's redaction would.
      const readBack = await c.say('They asked for my SSN 123-45-6789 and my password hunter22 on the phone');
      assert.match(readBack, /\[SSN removed\].*\[password removed\]/);
      const done = await c.say('yes');
      const ref = /AMX-[A-Z0-9-]{9}/.exec(done)?.[0] ?? '';
      assert.match(await c.say(`status of ${ref}`), /\[SSN removed\]/);
      assert.ok(!c.seen.includes('123-45-6789') && !c.seen.includes('hunter22'), 'no secret in any frame');
    });
  });
});

describe('complaints (Redis store, two instances)', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  let n = 0;
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis.stop();
  });

  async function deployment(): Promise<{
    a: ChatServer;
    b: ChatServer;
    prefix: string;
    close(): Promise<void>;
  }> {
    const prefix = `complaints-${process.pid}-${n++}:`;
    const options: ChatServerOptions = {
      port: 0,
      replyDelay: 0,
      simulatedAgent: false,
      store: redis.url,
      storePrefix: prefix,
      verifyToken,
    };
    const a = await startChatServer(options);
    const b = await startChatServer(options);
    return {
      a,
      b,
      prefix,
      close: async () => {
        await Promise.all([a.close(), b.close()]);
      },
    };
  }

  it('filed on one instance on yes only, found on the other for the same subject only, stored redacted', async () => {
    const d = await deployment();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const alice = await Customer.start(d.a, { token: 'tok-alice' });
      await alice.say('I want to file a complaint');
      await alice.say('They read my SSN 123-45-6789 back to me on a recorded line');
      assert.deepEqual(await client.sMembers(`${d.prefix}cases`), [], 'nothing stored before the yes');
      const done = await alice.say('yes');
      const ref = /AMX-[A-Z0-9-]{9}/.exec(done)?.[0] ?? '';
      assert.match(ref, CASE_NUMBER);
      assert.deepEqual(await client.sMembers(`${d.prefix}cases`), [ref]);
      const stored = await client.get(`${d.prefix}case:${ref}`);
      assert.ok(
        stored !== null && stored.includes('[SSN removed]') && !stored.includes('123-45-6789'),
        stored ?? '',
      );
      assert.ok(!stored.includes('alice'), 'the customer is stored as a hash');

      // Another chat of alice's, with another of her tokens, on the other instance.
      const again = await Customer.start(d.b, { token: 'tok-alice-2' });
      const status = await again.say(`What's the status of ${ref}?`);
      assert.match(status, new RegExp(`^Your complaint ${ref}, filed on .*, is open`));
      const bob = await Customer.start(d.b, { token: 'tok-bob' });
      const theirs = await bob.say(`What's the status of ${ref}?`);
      const unknown = 'AMX-2AB3-C4DE';
      assert.match(theirs, /^I can't find that case/);
      assert.equal(
        notFound(await bob.say(`What's the status of ${unknown}?`), unknown),
        notFound(theirs, ref),
      );
    } finally {
      await client.close();
      await d.close();
    }
  });

  it('Spanish, and a case number that survives restarting both instances', async () => {
    const d = await deployment();
    let ref = '';
    try {
      const c = await Customer.start(d.b, { lang: 'es', token: 'tok-bob' });
      await c.say('Tengo una queja');
      await c.say(COMPLAINT_ES);
      ref = /AMX-[A-Z0-9-]{9}/.exec(await c.say('sí, por favor'))?.[0] ?? '';
      assert.match(ref, CASE_NUMBER);
      const other = await Customer.start(d.a, { lang: 'es', token: 'tok-bob' });
      assert.match(await other.say(`estado de ${ref}`), new RegExp(`^Su queja ${ref}`));
    } finally {
      await d.close();
    }
    const restarted = await startChatServer({
      port: 0,
      replyDelay: 0,
      simulatedAgent: false,
      store: redis.url,
      storePrefix: d.prefix,
      verifyToken,
    });
    try {
      const c = await Customer.start(restarted, { lang: 'es', token: 'tok-bob' });
      assert.match(await c.say(`¿Cuál es el estado de ${ref}?`), new RegExp(`^Su queja ${ref}`));
      const alice = await Customer.start(restarted, { lang: 'es', token: 'tok-alice' });
      assert.match(await alice.say(`estado de ${ref}`), /^No encuentro ese caso/);
    } finally {
      await restarted.close();
    }
  });
});

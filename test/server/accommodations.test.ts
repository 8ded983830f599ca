/**
 * Issue 27 item 3: accommodations up front. The `accommodations` frame is checked (known needs
 * only, the note limited and redacted again), acknowledged by a numbered notice in the
 * customer's language that never quotes the note, kept with the conversation and its record
 * (memory and Redis), shown to agents on the board and in `assigned`, replayed on resume, and a
 * written summary leaves no answered question out of the end summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from 'redis';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServerOptions } from '../../server/chat-server.js';
import { checkClientFrame } from '../../src/protocol/check.js';
import { MAX_ACCOMMODATION_NOTE, parseServerFrame } from '../../src/protocol.js';
import { sharedRedis } from '../support/cluster.js';
import { Agent, Customer, none, withServer } from '../support/contact-center.js';
import type { AgentFrame, Frame } from '../support/contact-center.js';
import type { WaitingConversation } from '../../src/agent-protocol.js';

const CARD = '4111 1111 1111 1111';

/** The conversation as the agent's latest board shows it (signing in read the first board). */
function waiting(agent: Agent, id: string): WaitingConversation | undefined {
  const boards = agent.peer.all((f) => f.type === 'board') as AgentFrame<'board'>[];
  return boards.at(-1)?.waiting.find((w) => w.conversationId === id);
}

function state(c: Customer, needs: unknown, note?: string): void {
  c.peer.send({ type: 'accommodations', needs, ...(note === undefined ? {} : { note }) });
}

describe('accommodations: the frame check', () => {
  it('takes known needs once each, in the list order, and a trimmed note', () => {
    const checked = checkClientFrame({
      type: 'accommodations',
      needs: ['written-summary', 'more-time', 'written-summary'],
      note: '  large print please  ',
    });
    assert.deepEqual(checked, {
      ok: true,
      frame: { type: 'accommodations', needs: ['more-time', 'written-summary'], note: 'large print please' },
    });
    assert.deepEqual(checkClientFrame({ type: 'accommodations', needs: [], note: '   ' }), {
      ok: true,
      frame: { type: 'accommodations', needs: [] },
    });
  });

  it('refuses unknown needs, a needs field that is not a list, and a note that is not a string', () => {
    for (const data of [
      { type: 'accommodations', needs: ['more-time', 'sign-language'] },
      { type: 'accommodations', needs: 'more-time' },
      { type: 'accommodations' },
      { type: 'accommodations', needs: [], note: 42 },
    ]) {
      const checked = checkClientFrame(data);
      assert.equal(checked.ok, false, JSON.stringify(data));
    }
  });

  it('a client reads the notice, leaving out needs it does not know', () => {
    const frame = parseServerFrame(
      JSON.stringify({
        type: 'event',
        event: {
          seq: 2,
          id: 'n1',
          kind: 'notice',
          from: 'system',
          name: '',
          text: 'Noted.',
          at: 1,
          notice: { code: 'accommodations', needs: ['hearing', 'braille'], note: 'x' },
        },
      }),
    );
    assert.equal(frame?.type, 'event');
    assert.deepEqual(frame.type === 'event' && frame.event.notice, {
      code: 'accommodations',
      needs: ['hearing'],
      note: 'x',
    });
    const bad = parseServerFrame(
      JSON.stringify({
        type: 'event',
        event: {
          seq: 2,
          id: 'n1',
          kind: 'notice',
          from: 'system',
          name: '',
          text: '',
          at: 1,
          notice: { code: 'accommodations', needs: 'hearing' },
        },
      }),
    );
    assert.equal(bad, undefined);
  });
});

describe('accommodations (memory store)', () => {
  it('are acknowledged without the note, redacted, shown on the board and in assigned, kept in the record', async () => {
    await withServer({ debug: true }, async (server, logs) => {
      const ana = await Agent.signIn(server, 'Ana', 'general');
      const c = await Customer.join(server);
      await c.askForAgent();
      state(c, ['more-time', 'written-summary'], `Please go slowly, my card ${CARD} was used`);
      const notice = await c.notice('accommodations');
      assert.deepEqual(notice.notice && 'needs' in notice.notice && notice.notice.needs, [
        'more-time',
        'written-summary',
      ]);
      const note = notice.notice && 'note' in notice.notice ? (notice.notice.note ?? '') : '';
      assert.match(note, /^Please go slowly, my card .+ was used$/);
      assert.doesNotMatch(note, /4111/);
      assert.equal(
        notice.text,
        "We've noted what you told us: you need more time, a written summary at the end and your note. The agent who helps you will see it too. You will have more time before the chat closes for inactivity.",
      );
      assert.doesNotMatch(notice.text, /slowly/);
      const board = await ana.board((b) =>
        b.waiting.some((w) => w.conversationId === c.id && w.accommodations),
      );
      const waiting = board.waiting.find((w) => w.conversationId === c.id);
      assert.deepEqual(waiting?.accommodations, { needs: ['more-time', 'written-summary'], note });
      const assigned = await ana.accept(c.id);
      assert.deepEqual(assigned.accommodations, { needs: ['more-time', 'written-summary'], note });
      assert.ok(assigned.events.some((e) => e.notice?.code === 'accommodations'));
      // Changed while assigned: the agent gets the notice as a conversation event.
      state(c, ['hearing']);
      const changed = await ana.next(
        'conversation-event',
        (f) => f.event.notice?.code === 'accommodations',
        'the changed needs',
      );
      assert.deepEqual(changed.event.notice, { code: 'accommodations', needs: ['hearing'] });
      // The same again changes nothing: no second notice.
      state(c, ['hearing']);
      await none(
        c.peer,
        (f) =>
          f.type === 'event' && f.event.notice?.code === 'accommodations' && f.event.seq > changed.event.seq,
      );
      assert.doesNotMatch(JSON.stringify(logs), /4111|slowly/);
      assert.ok(
        logs.some((l) => l['msg'] === 'accommodations' && l['needs'] === 'hearing' && l['note'] === false),
      );
    });
  });

  it('a note over the limit is refused too-long and nothing is kept', async () => {
    await withServer({ debug: true }, async (server) => {
      const c = await Customer.join(server);
      state(c, ['hearing'], 'x'.repeat(MAX_ACCOMMODATION_NOTE + 1));
      const error = await c.peer.next((f): f is Frame<'error'> => f.type === 'error', 'the error');
      assert.equal(error.code, 'too-long');
      state(c, ['hearing', 'screen-reader'], 'x'.repeat(MAX_ACCOMMODATION_NOTE));
      const notice = await c.notice('accommodations');
      assert.deepEqual(notice.notice && 'needs' in notice.notice && notice.notice.needs, [
        'screen-reader',
        'hearing',
      ]);
      const unknown = { type: 'accommodations', needs: ['telepathy'] };
      c.peer.send(unknown);
      const bad = await c.peer.next(
        (f): f is Frame<'error'> => f.type === 'error' && f.code === 'bad-frame',
        'bad-frame',
      );
      assert.match(
        bad.message,
        /accommodations\.needs must list some of screen-reader, more-time, written-summary, hearing/,
      );
    });
  });

  it('Spanish: the notice says usted, and clearing says so', async () => {
    await withServer({ debug: true }, async (server) => {
      const c = await Customer.join(server, 'es');
      state(c, ['screen-reader', 'hearing']);
      const notice = await c.notice('accommodations');
      assert.equal(
        notice.text,
        'Tomamos nota de lo que nos indicó: usa un lector de pantalla y es una persona sorda o con dificultad auditiva. El agente que le atienda también lo verá.',
      );
      state(c, []);
      const cleared = await c.event(
        (e) => e.notice?.code === 'accommodations' && e.seq > notice.seq,
        'cleared',
      );
      assert.equal(cleared.text, 'Tomamos nota: no necesita ningún ajuste en este chat.');
    });
  });

  it('survive a resume: the notice is replayed and the board still shows them', async () => {
    await withServer({ debug: true }, async (server) => {
      const c = await Customer.join(server);
      state(c, ['screen-reader']);
      const notice = await c.notice('accommodations');
      await c.askForAgent();
      await c.peer.close();
      const again = await Customer.join(server, 'en', { conversationId: c.id, lastSeq: 0 });
      const replayed = await again.event((e) => e.seq === notice.seq, 'the replayed notice');
      assert.deepEqual(replayed.notice, { code: 'accommodations', needs: ['screen-reader'] });
      const ana = await Agent.signIn(server, 'Ana', 'general');
      assert.deepEqual(waiting(ana, c.id)?.accommodations, {
        needs: ['screen-reader'],
      });
    });
  });

  it('a written summary names every question answered and what was asked for; without it, the last two', async () => {
    await withServer({ debug: true }, async (server) => {
      const questions = ['what is my APR?', 'what is my balance?', 'my card was declined'];
      const ask = async (written: boolean): Promise<string> => {
        const c = await Customer.join(server);
        if (written) {
          state(c, ['written-summary']);
          await c.notice('accommodations');
        }
        for (const q of questions) {
          await c.say(q);
          await c.reply();
        }
        c.peer.send({ type: 'end' });
        return (await c.notice('ended')).text;
      };
      const full = await ask(true);
      assert.match(full, /Next steps for your APR/);
      assert.match(full, /Next steps for your balance/);
      assert.match(full, /Next steps for the declined card/);
      assert.match(full, /We took into account what you told us: a written summary at the end\.$/);
      const short = await ask(false);
      assert.doesNotMatch(short, /Next steps for your APR/);
      assert.match(short, /Next steps for the declined card/);
      assert.doesNotMatch(short, /took into account/);
    });
  });
});

describe('accommodations (Redis store, two instances)', () => {
  let redis: Awaited<ReturnType<typeof sharedRedis>>;
  let n = 0;
  before(async () => {
    redis = await sharedRedis();
  });
  after(async () => {
    await redis.stop();
  });

  function options(prefix: string): ChatServerOptions {
    return { port: 0, replyDelay: 0, simulatedAgent: false, store: redis.url, storePrefix: prefix };
  }

  it('stated on one instance, on the other one board, stored redacted, and kept across restarting both', async () => {
    const prefix = `accommodations-${process.pid}-${n++}:`;
    const client = createClient({ url: redis.url });
    await client.connect();
    const a = await startChatServer(options(prefix));
    const b = await startChatServer(options(prefix));
    let id = '';
    try {
      const c = await Customer.join(a);
      id = c.id;
      await c.askForAgent();
      state(c, ['more-time', 'hearing'], `my SSN is 123-45-6789 and card ${CARD}`);
      await c.notice('accommodations');
      const ana = await Agent.signIn(b, 'Ana', 'general');
      const seen = waiting(ana, id)?.accommodations;
      assert.deepEqual(seen?.needs, ['more-time', 'hearing']);
      assert.doesNotMatch(seen?.note ?? '', /6789|4111/);
      const keys = await client.keys(`${prefix}*`);
      let all = '';
      for (const key of keys) {
        const type = await client.type(key);
        if (type === 'string') all += (await client.get(key)) ?? '';
        if (type === 'list') all += (await client.lRange(key, 0, -1)).join('\n');
        if (type === 'hash') all += JSON.stringify(await client.hGetAll(key));
        if (type === 'stream') all += JSON.stringify(await client.xRange(key, '-', '+'));
      }
      assert.match(all, /"accommodations":\{"needs":\["more-time","hearing"\]/);
      assert.doesNotMatch(all, /123-45-6789|4111 1111/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const restarted = await startChatServer(options(prefix));
    try {
      const ana = await Agent.signIn(restarted, 'Ana', 'general');
      assert.deepEqual(waiting(ana, id)?.accommodations?.needs, ['more-time', 'hearing']);
      const assigned = await ana.accept(id);
      assert.deepEqual(assigned.accommodations?.needs, ['more-time', 'hearing']);
      const resumed = await Customer.join(restarted, 'en', { conversationId: id, lastSeq: 0 });
      const replayed = await resumed.notice('accommodations');
      assert.deepEqual(replayed.notice && 'needs' in replayed.notice && replayed.notice.needs, [
        'more-time',
        'hearing',
      ]);
    } finally {
      await client.close();
      await restarted.close();
    }
  });
});

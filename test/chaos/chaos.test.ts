/**
 * Chaos test: the real `Conversation` (redaction, outbox, seq ordering, resume, backoff,
 * heartbeat) talks to the real reference server through a proxy that drops connections, stalls
 * them, delays, duplicates, replays and splits frames. 1,000 customer messages (through the
 * client) and 1,000 agent messages (`POST /debug/say`, straight to the server) must each arrive
 * exactly once and in order, in the customer's transcript and in the server's record.
 *
 * Run alone with `npm run test:chaos` (prints `chaos: sent …, delivered …, lost …, duplicated …,
 * reordered …` last). `CHAOS_SEED=<n>` replays a seed; `CHAOS_RESULT_FILE=<path>` also writes
 * the line there. Needs Node's global WebSocket: `node --experimental-websocket` on Node 20.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer } from '../../server/chat-server.js';
import type { ChatEvent } from '../../src/protocol.js';
import { Conversation } from '../../src/conversation/index.js';
import type { TranscriptMessage } from '../../src/conversation/index.js';
import { ChaosProxy, prng } from './chaos-proxy.js';
import { sharedRedis } from '../support/cluster.js';
import { storedConversations } from '../support/server.js';
import { debugUrl } from '../support/debug-hooks.js';

const COUNT = 1000;
const SEED = process.env['CHAOS_SEED'] ? Number(process.env['CHAOS_SEED']) : randomInt(1, 2 ** 31);
/** Longest wait for everything to be acknowledged and delivered once the faults stop. */
const CONVERGE_MS = 40_000;

/**
 * The text of message `i` of a kind: `customer message aaab of baaa` is number 0001 of 1000, its
 * digits written as letters (a = 0 … j = 9). Digits would be fair game for the redaction engine
 * (the greeting mentions the security code, so the next numbers look like one); the transcript must
 * show exactly what was typed.
 */
const digitsAsLetters = (n: number): string =>
  String(n)
    .padStart(4, '0')
    .replace(/\d/g, (d) => 'abcdefghij'.charAt(Number(d)));
const label = (who: string, i: number): string =>
  `${who} message ${digitsAsLetters(i + 1)} of ${digitsAsLetters(COUNT)}`;

async function until(what: string, check: () => boolean | Promise<boolean>, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Indices (into `sequence`) of the elements outside one longest increasing subsequence. */
function outOfOrder(sequence: readonly number[]): Set<number> {
  // Patience sorting with back-pointers; O(n log n).
  const tails: number[] = [];
  const previous = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    const value = sequence[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sequence[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] ?? -1) keep.add(i);
  const out = new Set<number>();
  for (let i = 0; i < sequence.length; i++) if (!keep.has(i)) out.add(sequence[i] ?? 0);
  return out;
}

interface Tally {
  sent: number;
  delivered: number;
  lost: number;
  duplicated: number;
  reordered: number;
}

/**
 * Scores the 2,000 messages over both views. A message is delivered when it is in the
 * transcript (a customer one with status `sent`) and in the server's record; each extra copy in
 * either view counts as a duplicate; it is reordered when it falls outside the longest in-order
 * run of its kind in either view (customer: server seq order and transcript seqs; agent:
 * transcript order and server seq order, against the order it was posted).
 */
function tally(
  customerIds: readonly string[],
  transcript: readonly TranscriptMessage[],
  record: readonly ChatEvent[],
): Tally {
  const customerIndex = new Map(customerIds.map((id, i) => [id, i]));
  const agentIndex = new Map(Array.from({ length: COUNT }, (_, i) => [label('agent', i), i]));
  const count = (n: number): number[] => new Array<number>(n).fill(0);
  const customerInTranscript = count(COUNT);
  const customerSent = count(COUNT);
  const customerInRecord = count(COUNT);
  const agentInTranscript = count(COUNT);
  const agentInRecord = count(COUNT);
  const transcriptCustomerBySeq: [number, number][] = [];
  const transcriptAgentOrder: number[] = [];
  for (const m of transcript) {
    if (m.from === 'customer') {
      const i = customerIndex.get(m.id);
      if (i === undefined || m.text !== label('customer', i)) continue;
      customerInTranscript[i] = (customerInTranscript[i] ?? 0) + 1;
      if (m.status === 'sent' && m.seq !== undefined) {
        customerSent[i] = 1;
        transcriptCustomerBySeq.push([m.seq, i]);
      }
    } else if (m.from === 'agent') {
      const i = agentIndex.get(m.text);
      if (i === undefined) continue;
      agentInTranscript[i] = (agentInTranscript[i] ?? 0) + 1;
      transcriptAgentOrder.push(i);
    }
  }
  const recordCustomerOrder: number[] = [];
  const recordAgentOrder: number[] = [];
  for (const e of [...record].sort((a, b) => a.seq - b.seq)) {
    if (e.from === 'customer') {
      const i = customerIndex.get(e.id);
      if (i === undefined || e.text !== label('customer', i)) continue;
      customerInRecord[i] = (customerInRecord[i] ?? 0) + 1;
      recordCustomerOrder.push(i);
    } else if (e.from === 'agent') {
      const i = agentIndex.get(e.text);
      if (i === undefined) continue;
      agentInRecord[i] = (agentInRecord[i] ?? 0) + 1;
      recordAgentOrder.push(i);
    }
  }
  const customerReordered = new Set([
    ...outOfOrder(recordCustomerOrder),
    ...outOfOrder(transcriptCustomerBySeq.sort((a, b) => a[0] - b[0]).map(([, i]) => i)),
  ]);
  const agentReordered = new Set([...outOfOrder(transcriptAgentOrder), ...outOfOrder(recordAgentOrder)]);
  let delivered = 0;
  let duplicated = 0;
  for (let i = 0; i < COUNT; i++) {
    const ct = customerInTranscript[i] ?? 0;
    const cr = customerInRecord[i] ?? 0;
    if (ct > 0 && (customerSent[i] ?? 0) > 0 && cr > 0) delivered += 1;
    duplicated += Math.max(0, ct - 1) + Math.max(0, cr - 1);
    const at = agentInTranscript[i] ?? 0;
    const ar = agentInRecord[i] ?? 0;
    if (at > 0 && ar > 0) delivered += 1;
    duplicated += Math.max(0, at - 1) + Math.max(0, ar - 1);
  }
  const sent = 2 * COUNT;
  return {
    sent,
    delivered,
    lost: sent - delivered,
    duplicated,
    reordered: customerReordered.size + agentReordered.size,
  };
}

/**
 * One run: with the in-memory store (one server), or with the Redis store (a real
 * `redis-server` on loopback and two instances: the customer's connection goes to the first,
 * the agent's messages are posted to the second).
 */
function chaos(store: 'memory' | 'redis'): void {
  describe(store === 'memory' ? 'chaos' : 'chaos (Redis store, two instances)', () => {
    let server: ChatServer | undefined;
    /** Where the agent's messages are posted (the other instance, with Redis). */
    let agentServer: ChatServer | undefined;
    let redis: Awaited<ReturnType<typeof sharedRedis>> | undefined;
    let proxy: ChaosProxy | undefined;
    let conversation: Conversation | undefined;
    const serverLog = { resumed: 0, started: 0 };

    before(async () => {
      redis = store === 'redis' ? await sharedRedis() : undefined;
      const options = {
        port: 0,
        replyDelay: 0,
        debug: true,
        rateLimit: { burst: 100_000, perSecond: 100_000 },
        // Delivery under faults, not abuse: no budget holds the clients back.
        workBudget: { burst: 1e9, perSecond: 1e9 },
        ipWorkBudget: { burst: 1e9, perSecond: 1e9 },
        ...(redis ? { store: redis.url, storePrefix: `chaos-${process.pid}:` } : {}),
      };
      server = await startChatServer({
        ...options,
        log: (entry) => {
          if (entry['msg'] === 'resumed') serverLog.resumed += 1;
          if (entry['msg'] === 'conversation started') serverLog.started += 1;
        },
      });
      agentServer = redis ? await startChatServer(options) : server;
      proxy = await ChaosProxy.start({ upstream: server.url, seed: SEED });
    });

    after(async () => {
      conversation?.stop();
      await proxy?.close();
      await server?.close();
      if (agentServer !== server) await agentServer?.close();
      await redis?.stop();
    });

    it(
      'delivers 1,000 customer and 1,000 agent messages exactly once and in order through a faulty network',
      { timeout: 120_000 },
      async () => {
        assert.ok(server && proxy && agentServer);
        const srv = server;
        const agentSrv = agentServer;
        const started = Date.now();
        console.log(`chaos seed ${SEED} (replay with CHAOS_SEED=${SEED})`);
        const client = new Conversation({
          endpoint: proxy.url,
          lang: 'en',
          // The proxy speaks WebSocket only; `auto` could fall back to SSE after failed attempts.
          transport: 'websocket',
          heartbeatInterval: 150,
          deadAfter: 600,
        });
        conversation = client;
        client.start();

        // A calm start: the first welcome and greeting, then the conversation id from the record.
        await until('the greeting', () => client.state === 'connected' && client.messages.length > 0, 10_000);
        const greeting = client.messages[0];
        assert.ok(greeting);
        const conversationId = (await storedConversations(server.port)).find((c) =>
          c.events.some((e) => e.id === greeting.id),
        )?.id;
        assert.ok(conversationId, 'the client’s conversation is on the server');

        let connectedMs = 0;
        let connectedSince: number | undefined = Date.now();
        client.events.on('state', (state) => {
          if (state === 'connected') connectedSince ??= Date.now();
          else if (connectedSince !== undefined) {
            connectedMs += Date.now() - connectedSince;
            connectedSince = undefined;
          }
        });
        const faultsFrom = Date.now();
        proxy.faults = true;
        // Pauses between sends, one PRNG per sender so each one's pacing follows the seed.
        const customerPace = prng(SEED ^ 0x5eed);
        const agentPace = prng(SEED ^ 0xa9e7);
        const customerIds: string[] = [];
        let outboxFull = 0;
        const customers = (async () => {
          for (let i = 0; i < COUNT; i++) {
            let result = client.send(label('customer', i));
            // The outbox is bounded (MAX_OUTBOX): during an outage the customer must wait for the
            // backlog to drain, as a person would; any other refusal is a failure.
            for (
              let waited = 0;
              !result.ok && result.reason === 'outbox-full' && waited < 30_000;
              waited += 20
            ) {
              outboxFull += 1;
              await sleep(20);
              result = client.send(label('customer', i));
            }
            assert.ok(result.ok, `send ${i} was refused`);
            assert.equal(result.message.text, label('customer', i), 'redaction left the text alone');
            customerIds.push(result.message.id);
            if (customerPace() < 0.2) await sleep(Math.floor(customerPace() * 100));
          }
        })();
        const agents = (async () => {
          for (let i = 0; i < COUNT; i++) {
            // One at a time: the order of posting is the order of the server's seqs.
            const res: Response = await fetch(debugUrl(agentSrv.port, 'say'), {
              method: 'POST',
              body: JSON.stringify({ conversationId, text: label('agent', i), name: 'Maria' }),
            });
            assert.equal(res.status, 200);
            await res.body?.cancel();
            if (agentPace() < 0.2) await sleep(Math.floor(agentPace() * 100));
          }
        })();
        await Promise.all([customers, agents]);
        const sentAt = Date.now();
        const during = { ...proxy.counts };
        const faultMs = sentAt - faultsFrom;
        const connectedShare = Math.round(
          (100 * (connectedMs + (connectedSince === undefined ? 0 : sentAt - connectedSince))) / faultMs,
        );

        // Stop injecting faults and let it converge: every customer message acknowledged, every
        // event on the server (greeting + 1,000 customer + 1,000 replies + 1,000 agent) applied.
        proxy.faults = false;
        const expectedEvents = 1 + 3 * COUNT;
        let record: ChatEvent[] = [];
        await until(
          'every message acknowledged and delivered',
          async () => {
            const messages = client.messages;
            if (messages.some((m) => m.from === 'customer' && m.status !== 'sent')) return false;
            if (messages.length < expectedEvents) return false;
            record = (await storedConversations(srv.port)).find((c) => c.id === conversationId)?.events ?? [];
            if (record.length < expectedEvents) return false;
            const ids = new Set(messages.map((m) => m.id));
            return record.every((e) => ids.has(e.id));
          },
          CONVERGE_MS,
        ).catch((error: unknown) => {
          // Score what arrived anyway, so the line says what was lost.
          console.log(String(error));
        });
        record = (await storedConversations(server.port)).find((c) => c.id === conversationId)?.events ?? [];
        const transcript = [...client.messages];
        const result = tally(customerIds, transcript, record);
        const name = store === 'memory' ? 'chaos' : 'chaos (redis store, 2 instances)';
        const line = `${name}: sent ${result.sent}, delivered ${result.delivered}, lost ${result.lost}, duplicated ${result.duplicated}, reordered ${result.reordered}`;
        const c = proxy.counts;
        console.log(
          `chaos faults (seed ${SEED}): ${c.connections} connections, drops ${c.terminated + c.closed + c.stalled} ` +
            `(${c.terminated} terminated, ${c.closed} closed, ${c.stalled} stalled), ${c.delayed} delayed, ` +
            `${c.duplicated} duplicated, ${c.replayed} replayed, ${c.split} split; ` +
            `${c.forwardedUp} up / ${c.forwardedDown} down forwarded (${during.forwardedUp} / ${during.forwardedDown} ` +
            `while faults were on); server: ${serverLog.resumed} resumes`,
        );
        console.log(
          `chaos timing: faults on ${faultMs} ms (client connected ${connectedShare}% of it), ` +
            `converging ${Date.now() - sentAt} ms, total ${Date.now() - started} ms; ` +
            `the customer waited on a full outbox ${outboxFull} times`,
        );
        console.log(line);
        const file = process.env['CHAOS_RESULT_FILE'];
        if (file) appendFileSync(file, `${line}\n`);

        assert.equal(result.lost, 0, line);
        assert.equal(result.duplicated, 0, line);
        assert.equal(result.reordered, 0, line);
        assert.equal(result.delivered, 2 * COUNT, line);

        // The server's record: seqs 1..N without gaps, each customer message once, in send order.
        assert.deepEqual(
          record.map((e) => e.seq),
          Array.from({ length: record.length }, (_, i) => i + 1),
          'server seqs are contiguous',
        );
        assert.deepEqual(
          record.filter((e) => e.from === 'customer').map((e) => e.id),
          customerIds,
          'server stored each customer message once, in send order',
        );
        assert.deepEqual(
          record.filter((e) => e.from === 'agent').map((e) => e.text),
          Array.from({ length: COUNT }, (_, i) => label('agent', i)),
          'server stored each agent message once, in posting order',
        );
        assert.equal(record.length, expectedEvents, 'greeting + customer + assistant replies + agent');
        assert.equal(serverLog.started, 1, 'every reconnect resumed the one conversation');

        // The transcript: every customer message once, sent, with the text as typed, in send order
        // and with the seq the server gave it; every other event once, in seq order.
        const customerMessages = transcript.filter((m) => m.from === 'customer');
        assert.deepEqual(
          customerMessages.map((m) => m.id),
          customerIds,
        );
        const seqOf = new Map(record.map((e) => [e.id, e.seq]));
        for (const [i, m] of customerMessages.entries()) {
          assert.equal(m.status, 'sent');
          assert.equal(m.text, label('customer', i));
          assert.equal(m.seq, seqOf.get(m.id), `customer message ${i} carries the server's seq`);
        }
        const incoming = transcript.filter((m) => m.from !== 'customer');
        assert.deepEqual(
          incoming.map((m) => m.id),
          record.filter((e) => e.from !== 'customer').map((e) => e.id),
          'every assistant and agent event once, in seq order',
        );
        assert.equal(
          new Set(transcript.map((m) => m.id)).size,
          transcript.length,
          'no id twice in the transcript',
        );
        const replies = incoming.filter((m) => m.from === 'assistant').length;
        assert.equal(replies, COUNT + 1, 'one assistant reply per customer message, plus the greeting');
        console.log(`chaos replies: assistant replies ${replies - 1} (+1 greeting), each once, in seq order`);
      },
    );
  });
}

// Redis first, so that the in-memory run's line stays the last one `npm run test:chaos` prints.
chaos('redis');
chaos('memory');

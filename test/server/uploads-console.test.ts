/**
 * What the agent console is told of its request for documents (`upload-status`): the request
 * pending, as the customer reads it and with its expiry, never its token; the customer's
 * "Not now" (the widget finishes the batch with nothing) said as declined, with the token spent;
 * in memory and with two instances sharing a Redis store (the decline reaching the instance the
 * agent is on).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServerOptions } from '../../server/chat-server.js';
import { TEST_SERVER, withServer } from '../support/server.js';
import { sharedRedis } from '../support/cluster.js';
import { BYTES, asked, finish, postFile, ticket } from '../support/uploads.js';
import type { Asked } from '../support/uploads.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amex-chat-uploads-console-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const opts = (more: ChatServerOptions = {}): ChatServerOptions => ({ uploadDir: dir, ...more });

/** The console was told the request is pending, with what the customer reads and its expiry. */
async function toldPending(a: Asked): Promise<void> {
  const status = await a.agent.next((f) => f.type === 'upload-status', 'upload-status');
  assert.deepEqual(status, {
    type: 'upload-status',
    conversationId: a.conversationId,
    ref: a.request.ref,
    state: 'requested',
    text: a.request.text,
    expiresAt: a.request.expiresAt,
  });
}

describe('the console is told where its request for documents stands', () => {
  it('pending, as the customer reads it (redacted), with its expiry and never the token', async () => {
    await withServer(opts(), async (server) => {
      const a = await asked(server, 'Statement for card 4111 1111 1111 1111');
      await toldPending(a);
      assert.doesNotMatch(a.request.text, /4111 1111/);
      assert.ok(!a.agent.raw.some((raw) => raw.includes(a.request.token)), 'no token on the console');
    });
  });

  it('declined when the customer says "Not now" (a batch finished with nothing); the token is spent', async () => {
    await withServer(opts(), async (server) => {
      const a = await asked(server);
      await toldPending(a);
      const answer = await finish(server, [], ticket(a));
      assert.deepEqual(answer, { status: 200, body: { count: 0 } });
      const declined = await a.agent.next(
        (f) => f.type === 'upload-status' && f['state'] === 'declined',
        'declined',
      );
      assert.deepEqual(declined, {
        type: 'upload-status',
        conversationId: a.conversationId,
        ref: a.request.ref,
        state: 'declined',
      });
      // No notice in the conversation, and the request cannot be used afterwards.
      assert.equal(
        a.customer.frames.some((f) => f.type === 'event' && JSON.stringify(f).includes('"documents"')),
        false,
      );
      assert.equal((await postFile(server, BYTES.pdf(), ticket(a, 'batch-0002'))).status, 409);
    });
  });

  it('a file that arrived then "Not now": declined, and the file is not kept', async () => {
    await withServer(opts(), async (server) => {
      const a = await asked(server);
      const sent = await postFile(server, BYTES.pdf(), ticket(a));
      assert.equal(sent.status, 201);
      assert.equal((await finish(server, [], ticket(a))).status, 200);
      await a.agent.next((f) => f.type === 'upload-status' && f['state'] === 'declined', 'declined');
    });
  });

  describe('Redis', () => {
    let redis: Awaited<ReturnType<typeof sharedRedis>>;
    before(async () => {
      redis = await sharedRedis();
    });
    after(async () => {
      await redis.stop();
    });

    it('the decline on another instance reaches the agent', async () => {
      const prefix = `uploads-console-${process.pid}-${Date.now()}:`;
      const shared = { ...TEST_SERVER, ...opts(), store: redis.url, storePrefix: prefix };
      const one = await startChatServer(shared);
      const two = await startChatServer(shared);
      try {
        const a = await asked(one);
        await toldPending(a);
        assert.equal((await finish(two, [], ticket(a))).status, 200);
        await a.agent.next((f) => f.type === 'upload-status' && f['state'] === 'declined', 'declined');
      } finally {
        await one.close();
        await two.close();
      }
    });
  });
});

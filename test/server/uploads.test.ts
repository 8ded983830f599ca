/**
 * Secure document upload on the reference server: the agent's request (redacted, with a
 * one-time token only the customer's connections get), the upload route's allow-list (by the
 * bytes), size and count limits, the token's single use, expiry and binding to the conversation
 * and the customer, file names redacted, the documents notice and the record, downloads by the
 * assigned agent only, and the metadata in Redis shared by two instances.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createClient } from 'redis';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServerOptions } from '../../server/chat-server.js';
import { summaryOf } from '../../server/assistant/record.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { agent, customer, eventOf, handOff, isEvent } from '../support/actors.js';
import type { Frame } from '../support/actors.js';
import { Peer } from '../support/peer.js';
import { TEST_SERVER, withServer } from '../support/server.js';
import { sharedRedis } from '../support/cluster.js';
import { BYTES, asked, documentsNotice, download, finish, postFile, ticket } from '../support/uploads.js';

/** Each test's own upload directory. */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amex-chat-uploads-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const opts = (more: ChatServerOptions = {}): ChatServerOptions => ({ uploadDir: dir, ...more });

describe('secure document upload', () => {
  describe('the request', () => {
    it('reaches the customer redacted, with a token, limits and an expiry', async () => {
      await withServer(opts(), async (server, logs) => {
        const a = await asked(server, 'Send the statement for card 4111 1111 1111 1111 please');
        assert.doesNotMatch(a.request.text, /4111 1111/);
        assert.match(a.request.text, /1111/);
        assert.match(a.request.token, /^u1\./);
        assert.equal(a.request['conversationId'], a.conversationId);
        assert.equal(a.request['maxFiles'], 5);
        assert.equal(a.request['maxBytes'], 10 * 1024 * 1024);
        assert.ok(a.request.expiresAt > Date.now());
        // Not a conversation event: nothing in the transcript, and the token in no log line.
        assert.ok(!JSON.stringify(logs).includes(a.request.token));
        assert.ok(!a.agent.raw.some((raw) => raw.includes(a.request.token)));
      });
    });

    it('is refused for a conversation the agent does not hold', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const other = await agent(server, 'Luis');
        other.send({ type: 'request-upload', conversationId: a.conversationId, text: 'Send it' });
        const error = await other.next((f) => f.type === 'error', 'error');
        assert.equal(error['code'], 'forbidden');
      });
    });
  });

  describe('the allow-list', () => {
    it('takes PDF, JPEG, PNG and HEIC by their bytes, whatever the name says', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const files: [Buffer, string, string][] = [
          [BYTES.pdf(), 'receipt.pdf', 'application/pdf'],
          [BYTES.jpeg(), 'photo.jpg', 'image/jpeg'],
          [BYTES.png(), 'named-wrong.pdf', 'image/png'],
          [BYTES.heic(), 'IMG_0001.HEIC', 'image/heic'],
        ];
        const ids: string[] = [];
        for (const [bytes, name, type] of files) {
          const sent = await postFile(server, bytes, ticket(a, 'batch-0001', name));
          assert.equal(sent.status, 201, name);
          assert.equal(sent.body['type'], type, name);
          ids.push(sent.body['id'] as string);
        }
        const done = await finish(server, ids, ticket(a));
        assert.deepEqual(done, { status: 200, body: { count: 4 } });
      });
    });

    it('refuses a file whose bytes are not an allowed type, even when it claims to be a PDF', async () => {
      await withServer(opts(), async (server, logs) => {
        const a = await asked(server);
        const sent = await postFile(server, BYTES.text(), {
          ...ticket(a, 'batch-0001', 'fake.pdf'),
          type: 'application/pdf',
        });
        assert.deepEqual(sent, { status: 415, body: { error: 'type' } });
        const tiny = await postFile(server, Buffer.from('%PD'), ticket(a, 'batch-0001', 'short.pdf'));
        assert.equal(tiny.status, 415);
        assert.deepEqual(
          await readdir(dir)
            .then((f) => f.filter((n) => !n.startsWith('.')))
            .then((f) => f.length),
          0,
        );
        assert.ok(logs.some((l) => l['msg'] === 'upload refused' && l['reason'] === 'type'));
      });
    });
  });

  describe('limits', () => {
    it('refuses a file over the size limit, by its length or as it streams', async () => {
      await withServer(opts({ uploadMaxBytes: 1000 }), async (server) => {
        const a = await asked(server);
        assert.deepEqual(await postFile(server, BYTES.pdf(1001), ticket(a)), {
          status: 413,
          body: { error: 'too-large' },
        });
        const streamed = await postFile(server, BYTES.pdf(50_000), { ...ticket(a), chunked: true });
        assert.deepEqual(streamed, { status: 413, body: { error: 'too-large' } });
        assert.equal((await postFile(server, BYTES.pdf(1000), ticket(a))).status, 201);
        assert.equal((await readdir(dir)).length, 1);
        await finish(server, [], ticket(a));
        assert.equal((await readdir(dir)).length, 0);
      });
    });

    it('refuses more files than the request allows', async () => {
      await withServer(opts({ uploadMaxFiles: 2 }), async (server) => {
        const a = await asked(server);
        assert.equal((await postFile(server, BYTES.pdf(), ticket(a))).status, 201);
        assert.equal((await postFile(server, BYTES.png(), ticket(a))).status, 201);
        assert.deepEqual(await postFile(server, BYTES.pdf(), ticket(a)), {
          status: 409,
          body: { error: 'too-many' },
        });
      });
    });
  });

  describe('the token', () => {
    it('is good for one batch: spent when it is finished, refused for another batch', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const first = await postFile(server, BYTES.pdf(), ticket(a, 'batch-0001'));
        assert.equal(first.status, 201);
        assert.deepEqual(await postFile(server, BYTES.pdf(), ticket(a, 'batch-0002')), {
          status: 409,
          body: { error: 'used' },
        });
        assert.equal(
          (await finish(server, [first.body['id'] as string], ticket(a, 'batch-0001'))).status,
          200,
        );
        assert.equal((await postFile(server, BYTES.pdf(), ticket(a, 'batch-0001'))).status, 409);
        assert.deepEqual(await finish(server, [], ticket(a, 'batch-0001')), {
          status: 409,
          body: { error: 'used' },
        });
      });
    });

    it('expires on the server clock', async () => {
      let now = 1_000_000;
      await withServer(opts({ uploadClock: () => now, uploadTokenSeconds: 60 }), async (server) => {
        const a = await asked(server);
        assert.equal(a.request.expiresAt, 1_060_000);
        now += 59_999;
        assert.equal((await postFile(server, BYTES.pdf(), ticket(a))).status, 201);
        now += 1;
        assert.deepEqual(await postFile(server, BYTES.pdf(), ticket(a)), {
          status: 401,
          body: { error: 'expired' },
        });
        assert.equal((await finish(server, [], ticket(a))).status, 401);
      });
    });

    it('is refused for another conversation, altered, or missing', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const b = await asked(server);
        const crossed = await postFile(server, BYTES.pdf(), { ...ticket(a), conversation: b.conversationId });
        assert.deepEqual(crossed, { status: 403, body: { error: 'forbidden' } });
        const [v, body, mac] = a.request.token.split('.');
        const forged = Buffer.from(
          JSON.stringify(
            (JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as unknown[]).with(
              0,
              b.conversationId,
            ),
          ),
        ).toString('base64url');
        const altered = await postFile(server, BYTES.pdf(), {
          ...ticket(a),
          token: `${v}.${forged}.${mac}`,
          conversation: b.conversationId,
        });
        assert.deepEqual(altered, { status: 401, body: { error: 'unauthorized' } });
        const missing = await postFile(server, BYTES.pdf(), { ...ticket(a), token: undefined });
        assert.equal(missing.status, 401);
      });
    });

    it('with tokens checked, takes only the customer of the conversation', async () => {
      const verifyToken = (token: string | undefined) =>
        token?.startsWith('user-') ? { subject: token.slice(5) } : ('invalid' as const);
      await withServer(opts({ verifyToken }), async (server) => {
        const c = await Peer.open<Frame>(server.url);
        c.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en', token: 'user-alice' });
        const welcome = await c.next((f) => f.type === 'welcome', 'welcome');
        const conversationId = welcome['conversationId'] as string;
        const a = await agent(server);
        await handOff(c, a, conversationId);
        a.send({ type: 'request-upload', conversationId, text: 'Send the receipt' });
        const request = await c.next((f) => f.type === 'upload-request', 'upload-request');
        const h = {
          token: request['token'] as string,
          conversation: conversationId,
          batch: 'batch-0001',
          name: 'r.pdf',
        };
        assert.equal((await postFile(server, BYTES.pdf(), h)).status, 403);
        assert.equal(
          (await postFile(server, BYTES.pdf(), { ...h, authorization: 'Bearer user-bob' })).status,
          403,
        );
        assert.equal(
          (await postFile(server, BYTES.pdf(), { ...h, authorization: 'Bearer user-alice' })).status,
          201,
        );
      });
    });
  });

  describe('reconnecting', () => {
    it('shows a request not yet answered again, signed anew, and not once it is answered', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const lastSeq = () => a.customer.frames.filter(isEvent).length;
        const again = await customer(server, { conversationId: a.conversationId, lastSeq: lastSeq() });
        const shown = await again.peer.next((f) => f.type === 'upload-request', 'the request again');
        assert.equal(shown['ref'], a.request.ref);
        assert.equal(shown['text'], a.request.text);
        assert.equal(shown['token'], a.request.token);
        const sent = await postFile(server, BYTES.pdf(), ticket(a));
        await finish(server, [sent.body['id'] as string], ticket(a));
        const later = await customer(server, { conversationId: a.conversationId, lastSeq: 0 });
        await later.peer.next(
          (f) => isEvent(f) && (eventOf(f).notice as { code?: string } | undefined)?.code === 'documents',
          'the notice',
        );
        assert.ok(!later.peer.frames.some((f) => f.type === 'upload-request'));
      });
    });
  });

  describe('names and the notice', () => {
    it('redacts and cleans file names, says what arrived in the transcript, and records it', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const card = await postFile(server, BYTES.pdf(), ticket(a, 'batch-0001', '4111 1111 1111 1111.pdf'));
        const path = await postFile(
          server,
          BYTES.png(),
          ticket(a, 'batch-0001', '../../etc/state\u0000ment\u202e.png'),
        );
        assert.equal(card.body['name'], '•••• •••• •••• 1111.pdf');
        assert.equal(path.body['name'], 'statement.png');
        await finish(server, [card.body['id'] as string, path.body['id'] as string], ticket(a));
        const seen = await documentsNotice(a.customer);
        assert.equal(seen.text, 'You sent 2 documents: •••• •••• •••• 1111.pdf, statement.png.');
        const console_ = await documentsNotice(a.agent);
        assert.deepEqual(
          console_.documents.map((d) => d.name),
          ['•••• •••• •••• 1111.pdf', 'statement.png'],
        );
        assert.ok(![...a.customer.raw, ...a.agent.raw].some((raw) => raw.includes('4111 1111')));
      });
    });

    it('says it in Spanish to a Spanish conversation, and drops a file cancelled after it arrived', async () => {
      await withServer(opts(), async (server) => {
        const c = await Peer.open<Frame>(server.url);
        c.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'es' });
        const welcome = await c.next((f) => f.type === 'welcome', 'welcome');
        const conversationId = welcome['conversationId'] as string;
        const a = await agent(server);
        c.send({ type: 'message', id: 'ask-es', text: 'Quiero hablar con un agente' });
        await a.next((f) => f.type === 'board' && JSON.stringify(f).includes(conversationId), 'board');
        a.send({ type: 'accept', conversationId });
        await a.next((f) => f.type === 'assigned', 'assigned');
        a.send({ type: 'request-upload', conversationId, text: 'Envíe el recibo' });
        const request = await c.next((f) => f.type === 'upload-request', 'upload-request');
        const h = { token: request['token'] as string, conversation: conversationId, batch: 'batch-0001' };
        const kept = await postFile(server, BYTES.pdf(), { ...h, name: 'recibo.pdf' });
        const dropped = await postFile(server, BYTES.png(), { ...h, name: 'otro.png' });
        assert.equal((await readdir(dir)).length, 2);
        assert.deepEqual(await finish(server, [kept.body['id'] as string], h), {
          status: 200,
          body: { count: 1 },
        });
        const seen = await documentsNotice(c);
        assert.equal(seen.text, 'Usted envió 1 documento: recibo.pdf.');
        assert.equal((await readdir(dir)).length, 1);
        assert.equal((await download(server, dropped.body['id'] as string)).status, 401);
      });
    });

    it('adds "Documents received" to the record the summaries are built from', () => {
      assert.match(summaryOf('en', [{ kind: 'documents', count: 2 }]), /Documents received: 2/);
    });
  });

  describe('downloads', () => {
    it('gives the document to the assigned agent only', async () => {
      await withServer(opts(), async (server) => {
        const a = await asked(server);
        const bytes = BYTES.pdf(5000);
        const sent = await postFile(server, bytes, ticket(a, 'batch-0001', 'receipt.pdf'));
        const id = sent.body['id'] as string;
        // Not before the batch is finished.
        assert.equal((await download(server, id, a.key)).status, 404);
        await finish(server, [id], ticket(a));
        const got = await download(server, id, a.key);
        assert.equal(got.status, 200);
        assert.equal(got.headers.get('content-type'), 'application/pdf');
        assert.match(got.headers.get('content-disposition') ?? '', /attachment; filename="receipt.pdf"/);
        assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
        assert.deepEqual(Buffer.from(await got.arrayBuffer()), bytes);
        const luis = await agent(server, 'Luis');
        const luisKey = (await luis.next((f) => f.type === 'document-key', 'document-key'))['key'] as string;
        assert.deepEqual({ status: (await download(server, id, luisKey)).status }, { status: 403 });
        assert.equal((await download(server, id)).status, 401);
        assert.equal((await download(server, id, `${a.key.slice(0, -2)}xx`)).status, 401);
      });
    });
  });

  describe('retention', () => {
    it('deletes a document past its maximum age, its file too, when the next batch starts', async () => {
      let now = 1_000_000;
      const options = opts({ uploadClock: () => now, documentMaxAgeSeconds: 3600, uploadTokenSeconds: 7200 });
      await withServer(options, async (server) => {
        const a = await asked(server);
        const old = await postFile(server, BYTES.pdf(), ticket(a));
        const id = old.body['id'] as string;
        await finish(server, [id], ticket(a));
        assert.equal((await download(server, id, a.key)).status, 200);
        now += 3600 * 1000 + 1;
        a.agent.send({ type: 'request-upload', conversationId: a.conversationId, text: 'One more, please' });
        const again = await a.customer.next((f) => f.type === 'upload-request', 'a second request');
        const h = { token: again['token'] as string, conversation: a.conversationId, batch: 'batch-0002' };
        const kept = await postFile(server, BYTES.png(), { ...h, name: 'new.png' });
        assert.equal(kept.status, 201);
        assert.equal((await download(server, id, a.key)).status, 404);
        assert.equal((await readdir(dir)).length, 1);
      });
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

    it('keeps the metadata in Redis, so another instance serves the download', async () => {
      const prefix = `uploads-${Date.now()}:`;
      const shared = { ...TEST_SERVER, ...opts(), store: redis.url, storePrefix: prefix };
      const one = await startChatServer(shared);
      const two = await startChatServer(shared);
      const cmd = createClient({ url: redis.url });
      await cmd.connect();
      try {
        const a = await asked(one);
        const sent = await postFile(two, BYTES.png(), ticket(a, 'batch-0001', 'statement.png'));
        assert.equal(sent.status, 201);
        const id = sent.body['id'] as string;
        assert.equal((await finish(two, [id], ticket(a))).status, 200);
        const meta = JSON.parse((await cmd.get(`${prefix}doc:${id}`)) ?? '{}') as Record<string, unknown>;
        assert.equal(meta['name'], 'statement.png');
        assert.equal(meta['state'], 'received');
        assert.equal(meta['conversationId'], a.conversationId);
        assert.ok((await cmd.sMembers(`${prefix}docs:${a.conversationId}`)).includes(id));
        const everything = await cmd.keys(`${prefix}*`);
        for (const key of everything) {
          const type = await cmd.type(key);
          const value =
            type === 'string'
              ? await cmd.get(key)
              : type === 'stream'
                ? JSON.stringify(await cmd.xRange(key, '-', '+'))
                : '';
          assert.ok(!value?.includes(a.request.token), `the token is in ${key}`);
        }
        assert.equal((await download(two, id, a.key)).status, 200);
        // The token is spent for both instances.
        assert.equal((await postFile(one, BYTES.png(), ticket(a))).status, 409);
        assert.equal((await cmd.zRange(`${prefix}docs:by-time`, 0, -1)).length, 1);
      } finally {
        await cmd.quit();
        await one.close();
        await two.close();
      }
    });
  });
});

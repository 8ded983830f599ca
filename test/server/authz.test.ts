/**
 * Conversations belong to their customer (issue 22, findings 1 and 2), over the real protocol:
 * WebSocket and event stream, memory and Redis stores. A conversation id names a conversation
 * and grants nothing: resuming takes the key only the customer's browser was given, and with
 * tokens, the subject that started it. An event stream's id (in URLs) does not let anyone
 * POST as its customer: that takes the key only the stream's reader got, from the stream's
 * Origin. Refusals are logged without any secret.
 */
import assert from 'node:assert/strict';
import {
  constants,
  createCipheriv,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { startChatServer } from '../../server/chat-server.js';
import type { ChatServer, ChatServerOptions, TokenVerdict } from '../../server/chat-server.js';
import { Peer, openStream, postFrame, sharedRedis, streamKey } from '../support/cluster.js';
import {
  deployment as deploymentOn,
  onOneInstance,
  onTwoInstances,
  storedInRedis,
} from '../support/deployment.js';
import type { Deployment } from '../support/deployment.js';
import { eventOf, isEvent } from '../support/actors.js';
import type { Frame } from '../support/actors.js';
import { debugUrl } from '../support/server.js';

let redis: Awaited<ReturnType<typeof sharedRedis>>;

before(async () => {
  redis = await sharedRedis();
});
after(async () => {
  await redis.stop();
});

const TOKENS: Record<string, string> = { 'tok-alice-1': 'alice', 'tok-alice-2': 'alice', 'tok-bob': 'bob' };
function verifyToken(token: string | undefined): TokenVerdict {
  const subject = token === undefined ? undefined : TOKENS[token];
  return subject === undefined ? 'invalid' : { subject };
}

/** Instances on the `kind` store (on Redis, a key prefix of their own). */
function deployment(kind: 'memory' | 'redis', extra: ChatServerOptions = {}): Deployment {
  return deploymentOn(kind === 'redis' ? redis.url : undefined, extra, 'authz');
}

/** A customer over a WebSocket: its hello, then the welcome (or the refusal). */
async function hello(server: ChatServer, fields: Record<string, unknown> = {}): Promise<Peer<Frame>> {
  const peer = await Peer.open<Frame>(server.url);
  peer.send({ type: 'hello', v: PROTOCOL_VERSION, lang: 'en', ...fields });
  return peer;
}

async function started(
  server: ChatServer,
  fields: Record<string, unknown> = {},
): Promise<{ peer: Peer<Frame>; id: string; key: string }> {
  const peer = await hello(server, fields);
  const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
  await peer.next(isEvent, 'the greeting');
  assert.equal(typeof welcome['resumeKey'], 'string', 'a new conversation comes with its key');
  return { peer, id: welcome['conversationId'] as string, key: welcome['resumeKey'] as string };
}

/** Asserts a hello was refused with `code`, the socket closed with `close`, and no event came. */
async function refused(peer: Peer<Frame>, code: string, close: number): Promise<Frame> {
  const error = await peer.next((f) => f.type === 'error', `the ${code} error`);
  assert.equal(error['code'], code);
  assert.equal(await peer.closed, close);
  assert.deepEqual(
    peer.frames.filter((f) => f.type === 'welcome' || isEvent(f)),
    [],
    'nothing of the conversation',
  );
  return error;
}

function logsHoldNone(logs: Record<string, unknown>[], secrets: string[]): void {
  const text = JSON.stringify(logs);
  for (const secret of secrets) assert.ok(!text.includes(secret), 'no secret in the logs');
}

for (const kind of ['memory', 'redis'] as const) {
  describe(`resuming a conversation (${kind} store)`, () => {
    it('refuses another subject, even with the right id and key, and logs it without secrets', async () => {
      await onOneInstance(deployment(kind, { verifyToken }), async (server, d) => {
        const alice = await started(server, { token: 'tok-alice-1' });
        alice.peer.send({ type: 'message', id: 'a-1', text: 'my new address is 1 Main Street' });
        await alice.peer.next((f) => f.type === 'ack', 'ack');
        await alice.peer.close();

        const bob = await hello(server, {
          token: 'tok-bob',
          resume: { conversationId: alice.id, lastSeq: 0, key: alice.key },
        });
        const error = await refused(bob, 'forbidden', 4003);
        assert.match(String(error['message']), /another customer/);
        const line = d.logs.find((l) => l['msg'] === 'resume refused');
        assert.deepEqual(line && { reason: line['reason'], conversation: line['conversation'] }, {
          reason: 'subject',
          conversation: alice.id,
        });
        logsHoldNone(d.logs, [alice.key, 'tok-alice-1', 'tok-bob']);

        // Alice, with another token of hers, carries on: nothing of Bob's is in it.
        const back = await hello(server, {
          token: 'tok-alice-2',
          resume: { conversationId: alice.id, lastSeq: 0, key: alice.key },
        });
        await back.next((f) => f.type === 'welcome' && f['conversationId'] === alice.id, 'welcome back');
        await back.next((f) => isEvent(f) && eventOf(f).text.includes('1 Main Street'), 'her history');
        assert.equal(
          back.frames.find((f) => f.type === 'welcome')?.['resumeKey'],
          undefined,
          'a resume is not given the key again',
        );
        await back.close();
      });
    });

    it('refuses a resume by id alone, or with a wrong key, over WebSocket and event stream', async () => {
      await onOneInstance(deployment(kind), async (server, d) => {
        const owner = await started(server);
        await owner.peer.close();
        const noKey = await hello(server, { resume: { conversationId: owner.id, lastSeq: 0 } });
        await refused(noKey, 'forbidden', 4003);
        const wrong = await hello(server, {
          resume: { conversationId: owner.id, lastSeq: 0, key: randomBytes(32).toString('base64url') },
        });
        await refused(wrong, 'forbidden', 4003);

        const id = randomBytes(16).toString('hex');
        const stream = await openStream(server.port, id);
        const status = await postFrame(server.port, id, {
          type: 'hello',
          v: PROTOCOL_VERSION,
          lang: 'en',
          resume: { conversationId: owner.id, lastSeq: 0 },
        });
        assert.equal(status, 204);
        const error = await stream.peer.next((f) => f.type === 'error', 'the refusal on the stream');
        assert.equal(error['code'], 'forbidden');
        assert.ok(!stream.peer.frames.some((f) => f.type === 'welcome' || isEvent(f)));
        stream.close();

        const refusals = d.logs.filter((l) => l['msg'] === 'resume refused');
        assert.deepEqual(
          refusals.map((l) => [l['reason'], l['transport']]),
          [
            ['key', 'websocket'],
            ['key', 'websocket'],
            ['key', 'sse'],
          ],
        );
        logsHoldNone(d.logs, [owner.key]);

        // The right key resumes it, with its history.
        const again = await hello(server, {
          resume: { conversationId: owner.id, lastSeq: 0, key: owner.key },
        });
        await again.next((f) => f.type === 'welcome' && f['conversationId'] === owner.id, 'welcome');
        await again.next(isEvent, 'the history');
        await again.close();
      });
    });

    it('gives an agent ids that resume nothing: a console that sees a waiting chat cannot take it as its customer', async () => {
      await onOneInstance(deployment(kind), async (server) => {
        const customer = await started(server);
        customer.peer.send({ type: 'message', id: 'ask', text: 'I want to talk to an agent' });
        const agent = await Peer.open<Frame>(server.agentUrl);
        agent.send({ type: 'agent-hello', v: PROTOCOL_VERSION, name: 'Rita', team: 'rewards' });
        const board = await agent.next(
          (f) =>
            f.type === 'board' &&
            (f['waiting'] as { conversationId: string }[]).some((w) => w.conversationId === customer.id),
          'the waiting chat on the board',
        );
        assert.ok(!JSON.stringify(board).includes(customer.key), 'the board has no key');
        const thief = await hello(server, { resume: { conversationId: customer.id, lastSeq: 0 } });
        await refused(thief, 'forbidden', 4003);
        await agent.close();
        await customer.peer.close();
      });
    });

    it('tells a client older than 1.4 (no keys) that its version cannot resume, and lets it start', async () => {
      await onOneInstance(deployment(kind), async (server) => {
        const owner = await started(server);
        await owner.peer.close();
        const old = await Peer.open<Frame>(server.url);
        old.send({ type: 'hello', v: '1.3', lang: 'en', resume: { conversationId: owner.id, lastSeq: 0 } });
        const error = await refused(old, 'unsupported-version', 4000);
        assert.match(String(error['message']), /1\.4/);
        const fresh = await Peer.open<Frame>(server.url);
        fresh.send({ type: 'hello', v: '1.3', lang: 'en' });
        const welcome = await fresh.next((f) => f.type === 'welcome', 'welcome');
        assert.notEqual(welcome['conversationId'], owner.id);
        await fresh.close();
      });
    });

    it('seals a key for another tab to its public key; that key resumes, and nothing else in the clear', async () => {
      await onOneInstance(deployment(kind), async (server) => {
        const leader = await started(server);
        const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
        leader.peer.send({ type: 'tab-key', ref: 'tab-1', publicKey: spki });
        const answer = await leader.peer.next((f) => f.type === 'tab-key', 'the sealed key');
        assert.equal(answer['ref'], 'tab-1');
        const tabKey = privateDecrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
          Buffer.from(answer['sealed'] as string, 'base64'),
        ).toString();
        assert.notEqual(tabKey, leader.key);
        assert.ok(!leader.peer.raw.some((text) => text.includes(tabKey)), 'the tab key never in the clear');

        const tab = await hello(server, { resume: { conversationId: leader.id, lastSeq: 0, key: tabKey } });
        await tab.next((f) => f.type === 'welcome' && f['conversationId'] === leader.id, 'the tab resumes');
        await tab.close();

        // Not a public key: refused, and no key is made.
        leader.peer.send({
          type: 'tab-key',
          ref: 'tab-2',
          publicKey: Buffer.from('nope').toString('base64'),
        });
        const error = await leader.peer.next((f) => f.type === 'error', 'bad-frame');
        assert.equal(error['code'], 'bad-frame');
        await leader.peer.close();
      });
    });
  });
}

describe('resume keys at rest (Redis)', () => {
  it('keeps only hashes: no key is anywhere in Redis or the logs', async () => {
    await onOneInstance(deployment('redis'), async (server, d) => {
      const customer = await started(server);
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      customer.peer.send({
        type: 'tab-key',
        ref: 'r',
        publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      });
      await customer.peer.next((f) => f.type === 'tab-key', 'tab-key');
      customer.peer.send({ type: 'message', id: 'm', text: 'hello' });
      await customer.peer.next((f) => f.type === 'ack', 'ack');
      const dump = await storedInRedis(redis.url, d.prefix);
      assert.ok(dump.includes(customer.id), 'the conversation is in Redis');
      assert.ok(!dump.includes(customer.key), 'its key is not');
      logsHoldNone(d.logs, [customer.key]);
      await customer.peer.close();
    });
  });
});

describe('event-stream POSTs (finding 2)', () => {
  for (const kind of ['memory', 'redis'] as const) {
    it(`take the key only the stream's reader got, from the stream's Origin (${kind} store)`, async () => {
      const d = deployment(kind);
      const server = await d.start();
      // With Redis, a second instance: the POST lands where the stream is not held.
      const other = kind === 'redis' ? await d.start() : server;
      try {
        const id = randomBytes(16).toString('hex');
        const stream = await openStream(server.port, id);
        const key = await streamKey(id);
        assert.match(key, /^[\w-]{43}$/, 'the first event is the key');
        const helloFrame = { type: 'hello', v: PROTOCOL_VERSION, lang: 'en' };
        // The id alone (as a URL in a log would give it) writes nothing.
        assert.equal(await postFrame(other.port, id, helloFrame, ''), 403);
        assert.equal(await postFrame(other.port, id, helloFrame, randomBytes(32).toString('base64url')), 403);
        // With the key, from no Origin (as the stream was opened): taken.
        assert.equal(await postFrame(other.port, id, helloFrame, key), 204);
        await stream.peer.next((f) => f.type === 'welcome', 'welcome');
        assert.equal(stream.peer.frames.filter((f) => f.type === 'welcome').length, 1, 'one hello taken');
        assert.ok(d.logs.some((l) => l['msg'] === 'stream post refused'));
        logsHoldNone(d.logs, [key]);
        stream.close();
      } finally {
        if (other !== server) await other.close();
        await server.close();
      }
    });
  }

  it("refuses a POST from another Origin than the stream's, or from none", async () => {
    const server = await startChatServer({ port: 0, replyDelay: 0, simulatedAgent: false });
    try {
      const { request } = await import('node:http');
      const id = randomBytes(16).toString('hex');
      const origin = 'http://127.0.0.1:5173';
      let req: ReturnType<typeof request> | undefined;
      const key = await new Promise<string>((resolve, reject) => {
        req = request(
          { host: '127.0.0.1', port: server.port, path: `/chat/sse?connection=${id}`, headers: { origin } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
              const found = /event: key\ndata: (\S+)\n\n/.exec(text)?.[1];
              if (found) resolve(found);
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
      const post = async (from: string | undefined): Promise<number> => {
        const res = await fetch(`http://127.0.0.1:${server.port}/chat/sse?connection=${id}`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'x-chat-key': key, ...(from ? { origin: from } : {}) },
          body: JSON.stringify({ type: 'ping' }),
        });
        await res.body?.cancel();
        return res.status;
      };
      assert.equal(await post(undefined), 403, 'no Origin');
      assert.equal(await post('http://localhost:5173'), 403, 'another (allowed) Origin');
      assert.equal(await post(origin), 204, "the stream's own Origin");
      req?.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('the --debug hooks (finding 8)', () => {
  const SECRET = 'debug-hooks-secret-0123456789';

  it('need the console secret and an allowed Origin, and never answer Access-Control-Allow-Origin: *', async () => {
    const logs: Record<string, unknown>[] = [];
    const server = await startChatServer({
      port: 0,
      replyDelay: 0,
      simulatedAgent: false,
      debug: true,
      agentSecret: SECRET,
      log: (entry) => logs.push(entry),
    });
    try {
      const customer = await started(server);
      const get = async (headers: Record<string, string>): Promise<Response> =>
        fetch(debugUrl(server.port, 'conversations'), { headers });
      const anonymous = await get({});
      assert.equal(anonymous.status, 401);
      assert.ok(!(await anonymous.text()).includes(customer.id), 'no conversation without the secret');
      assert.equal((await get({ authorization: 'Bearer wrong-secret-0123456789abc' })).status, 401);
      const elsewhere = await get({ authorization: `Bearer ${SECRET}`, origin: 'https://evil.example' });
      assert.equal(elsewhere.status, 403);
      assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
      const say = await fetch(debugUrl(server.port, 'say'), {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: JSON.stringify({ conversationId: customer.id, text: 'Send your card to us' }),
      });
      assert.equal(say.status, 403, 'nobody else speaks as an agent');

      const page = 'http://127.0.0.1:5173';
      const ok = await get({ authorization: `Bearer ${SECRET}`, origin: page });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), page);
      assert.ok((await ok.text()).includes(customer.id));
      assert.ok(logs.some((l) => l['msg'] === 'debug refused'));
      logsHoldNone(logs, [SECRET]);
      await customer.peer.close();
    } finally {
      await server.close();
    }
  });

  it('without a console secret, answer only this machine, from an allowed Origin', async () => {
    const server = await startChatServer({ port: 0, replyDelay: 0, simulatedAgent: false, debug: true });
    try {
      const res = await fetch(debugUrl(server.port, 'frames'), {
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(res.status, 403);
      const local = await fetch(debugUrl(server.port, 'frames'));
      assert.equal(local.status, 200);
      assert.equal(local.headers.get('access-control-allow-origin'), null, 'no wildcard');
    } finally {
      await server.close();
    }
  });
});

describe('findings of a second review of 1.4', () => {
  it('does not let another instance take over a stream id a customer holds (Redis)', async () => {
    await onTwoInstances(deployment('redis'), async (a, b) => {
      const id = randomBytes(16).toString('hex');
      const stream = await openStream(a.port, id);
      const key = await streamKey(id);
      // An attacker who read the id in a log opens it on the other instance: refused.
      const res = await fetch(`http://127.0.0.1:${b.port}/chat/sse?connection=${id}`);
      assert.equal(res.status, 409);
      await res.body?.cancel();
      // The customer's own POSTs, through either instance, still work.
      assert.equal(await postFrame(b.port, id, { type: 'hello', v: PROTOCOL_VERSION, lang: 'en' }, key), 204);
      await stream.peer.next((f) => f.type === 'welcome', 'welcome');
      stream.close();
    });
  });

  it('charges a message sent over an event stream through Redis once, not twice', async () => {
    await onTwoInstances(deployment('redis'), async (a, b) => {
      const id = randomBytes(16).toString('hex');
      const stream = await openStream(a.port, id);
      assert.equal(await postFrame(b.port, id, { type: 'hello', v: PROTOCOL_VERSION, lang: 'en' }), 204);
      await stream.peer.next((f) => f.type === 'welcome', 'welcome');
      // Four pasted 2,000-character messages (8,400 of the address's 8,000 at once: the fourth
      // is the one that goes into debt, and is taken).
      const text = 'My statement shows these lines. '.repeat(62).slice(0, 2000);
      for (let i = 0; i < 4; i++) {
        assert.equal(await postFrame(b.port, id, { type: 'message', id: `p-${i}`, text }), 204);
      }
      for (let i = 0; i < 4; i++)
        await stream.peer.next((f) => f.type === 'ack' && f['id'] === `p-${i}`, `ack ${i}`);
      assert.ok(!stream.peer.frames.some((f) => f.type === 'error'), 'none refused');
      stream.close();
    });
  });

  it('seals tab keys only to RSA keys of exponent 65537 (a huge exponent costs hundreds of times more)', async () => {
    await onOneInstance(deployment('memory'), async (server) => {
      const customer = await started(server);
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 });
      customer.peer.send({
        type: 'tab-key',
        ref: 'e3',
        publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      });
      const error = await customer.peer.next((f) => f.type === 'error', 'bad-frame');
      assert.equal(error['code'], 'bad-frame');
      assert.ok(!customer.peer.frames.some((f) => f.type === 'tab-key'));
      await customer.peer.close();
    });
  });

  it('answers a /debug/say body that is not a JSON object with 400, not an internal error', async () => {
    const logs: Record<string, unknown>[] = [];
    const server = await startChatServer({ port: 0, debug: true, log: (entry) => logs.push(entry) });
    try {
      for (const body of ['not json', 'null', '42']) {
        const res = await fetch(debugUrl(server.port, 'say'), { method: 'POST', body });
        assert.equal(res.status, 400, body);
        await res.body?.cancel();
      }
      assert.ok(!logs.some((l) => l['msg'] === 'internal error'));
    } finally {
      await server.close();
    }
  });
});

describe('another tab proves its session (finding 4)', () => {
  /** A token sealed to the server's key as a follower tab seals it (tab-key.ts sealToken). */
  function sealed(token: string, sealKey: string): string {
    const server = createPublicKey({ key: Buffer.from(sealKey, 'base64'), format: 'der', type: 'spki' });
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const wrapped = publicEncrypt(
      { key: server, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      key,
    );
    return [wrapped, iv, body].map((part) => part.toString('base64')).join('.');
  }

  it("says whether a sealed token is of the conversation's customer, and gives no seal key without tokens", async () => {
    await onOneInstance(deployment('memory', { verifyToken }), async (server, d) => {
      const peer = await hello(server, { token: 'tok-alice-1' });
      const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
      const sealKey = welcome['sealKey'] as string;
      assert.equal(typeof sealKey, 'string');
      const ask = async (ref: string, proof: string): Promise<boolean> => {
        peer.send({ type: 'tab-join', ref, sealed: proof });
        const answer = await peer.next((f) => f.type === 'tab-join' && f['ref'] === ref, `answer ${ref}`);
        return answer['ok'] as boolean;
      };
      assert.equal(await ask('alice-2', sealed('tok-alice-2', sealKey)), true, "another of alice's tokens");
      assert.equal(await ask('bob', sealed('tok-bob', sealKey)), false, "bob's token");
      assert.equal(await ask('unknown', sealed('tok-nobody', sealKey)), false, 'a token the server refuses');
      assert.equal(await ask('garbage', 'AAAA.AAAA.AAAA'), false, 'not a sealed token');
      assert.ok(!JSON.stringify(d.logs).includes('tok-alice-2'), 'no token in the logs');
      await peer.close();
    });
    const open = await startChatServer({ port: 0, replyDelay: 0, simulatedAgent: false });
    try {
      const peer = await hello(open);
      const welcome = await peer.next((f) => f.type === 'welcome', 'welcome');
      assert.equal(welcome['sealKey'], undefined, 'no tokens, no session to prove');
      await peer.close();
    } finally {
      await open.close();
    }
  });
});

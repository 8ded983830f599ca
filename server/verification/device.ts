/**
 * The demo's stand-in for the bank's push service and text messages: a simulated phone of the
 * signed-in demo cardmember. Enabled only with `demoDevice` (the demo and development; never in
 * production). A phone follows its cardmember's prompts and codes at `GET /demo/device?account=`
 * (an event stream), and answers a prompt with `POST /demo/device/answer`
 * `{conversationId, prompt, approve}`. A bank puts its real push service behind `OutOfBand`
 * instead (docs/security.md).
 *
 * What reaches a phone is what the real service would carry: a prompt's secret, or a code.
 * Nothing here is logged or kept: a phone that is not connected when a code is sent misses it
 * (the customer asks for another).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed, readBody } from '../connections.js';
import { corsHeaders, json } from '../chat-server/respond.js';
import type { Store } from '../store.js';
import type { Conversation } from '../model.js';
import type { Cardmember, OutOfBand, Verifications } from './index.js';

/** What a phone receives (one event-stream `data:` each). */
export type DeviceMessage =
  | { kind: 'push'; conversationId: string; prompt: string; lang: string }
  | { kind: 'code'; code: string; lang: string };

export interface DemoDevice extends OutOfBand {
  /** Phones connected now (tests). */
  readonly connected: number;
  /** Answers `/demo/device` requests; false when the path is not one of them. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  close(): void;
}

export interface DemoDeviceDeps {
  readonly store: Store;
  readonly conversations: ReadonlyMap<string, Conversation>;
  readonly verifications: () => Verifications;
  readonly allowedOrigins: string[] | undefined;
  readonly bodyTimeoutMs: number;
}

/** Longest account reference a phone may follow (as the hello's `account`). */
const MAX_ACCOUNT = 64;

export function createDemoDevice(deps: DemoDeviceDeps): DemoDevice {
  /** Connected phones, by the account they follow. */
  const phones = new Map<string, Set<ServerResponse>>();

  function deliver(to: Cardmember, message: DeviceMessage): void {
    if (to.account === undefined) return;
    for (const res of phones.get(to.account) ?? []) res.write(`data: ${JSON.stringify(message)}\n\n`);
  }

  function follow(req: IncomingMessage, res: ServerResponse, account: string): void {
    res.writeHead(200, {
      ...corsHeaders(req),
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': demo device\n\n');
    const set = phones.get(account) ?? new Set<ServerResponse>();
    set.add(res);
    phones.set(account, set);
    req.on('close', () => {
      set.delete(res);
      if (set.size === 0) phones.delete(account);
    });
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = corsHeaders(req);
    const read = await readBody(req, 4096, deps.bodyTimeoutMs);
    let body: unknown;
    try {
      body = read.kind === 'ok' ? JSON.parse(read.text) : undefined;
    } catch {
      body = undefined;
    }
    const { conversationId, prompt, approve } = (body ?? {}) as Record<string, unknown>;
    if (typeof conversationId !== 'string' || typeof prompt !== 'string' || typeof approve !== 'boolean') {
      json(res, 400, { error: 'bad-body' }, headers);
      return;
    }
    const taken = await deps.store.run(() => {
      const conversation = deps.conversations.get(conversationId);
      return conversation ? deps.verifications().deviceAnswer(conversation, prompt, approve) : false;
    }, conversationId);
    json(res, taken ? 200 : 404, taken ? { ok: true } : { error: 'no-such-prompt' }, headers);
  }

  return {
    get connected() {
      let n = 0;
      for (const set of phones.values()) n += set.size;
      return n;
    },
    methods: (to) => (to.account === undefined ? [] : ['push', 'code']),
    push: (to, prompt) =>
      deliver(to, {
        kind: 'push',
        conversationId: prompt.conversationId,
        prompt: prompt.secret,
        lang: prompt.lang,
      }),
    code: (to, code, lang) => deliver(to, { kind: 'code', code, lang }),
    async handle(req, res, url) {
      if (url.pathname !== '/demo/device' && url.pathname !== '/demo/device/answer') return false;
      const headers = corsHeaders(req);
      if (!originAllowed(req.headers.origin, deps.allowedOrigins)) {
        json(res, 403, { error: 'forbidden' });
        return true;
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...headers,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
        });
        res.end();
        return true;
      }
      const account = url.searchParams.get('account') ?? '';
      if (
        url.pathname === '/demo/device' &&
        req.method === 'GET' &&
        account !== '' &&
        account.length <= MAX_ACCOUNT
      ) {
        follow(req, res, account);
        return true;
      }
      if (url.pathname === '/demo/device/answer' && req.method === 'POST') {
        await answer(req, res);
        return true;
      }
      json(res, 400, { error: 'bad-request' }, headers);
      return true;
    },
    close() {
      for (const set of phones.values()) for (const res of set) res.end();
      phones.clear();
    },
  };
}

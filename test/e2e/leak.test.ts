// No data left behind: every kind of secret is typed and sent (and one is left unsent in the
// composer), the chat ends, the page hides; then every place a page can keep or show data is
// searched for the secrets and for the auth token: localStorage, sessionStorage, IndexedDB,
// Cache Storage, cookies, the URL, everything written to the console, every event detail the
// widget fired, and the host page's DOM outside the shadow root.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { leaks, secrets, typeEverySecret } from '../support/secrets.js';
import { quietFor } from '../support/quiet.js';

const TOKEN = 'tok-Zq81-leak-check';

/**
 * JSON without the fields that are random or clock numbers (ids, times, sequence numbers):
 * their digits, run together, could contain a 4-digit secret by chance.
 */
function withoutNoise(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    ['id', 'at', 'seq', 'lastSeq', 'conversationId'].includes(key) ? undefined : v,
  );
}

function parsedOr(text: string): string {
  try {
    return withoutNoise(JSON.parse(text));
  } catch {
    return text;
  }
}
const UNSENT = 'unsent draft with card 6011 0009 9013 9424';

async function everythingStored(): Promise<string[]> {
  const found: string[] = [];
  for (const area of [localStorage, sessionStorage]) {
    for (let i = 0; i < area.length; i += 1) {
      const key = area.key(i) ?? '';
      found.push(key, parsedOr(area.getItem(key) ?? ''));
    }
  }
  found.push(document.cookie, location.href.replace(/wtr-session-id=[\w-]+/, ''));
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    found.push(info.name);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error('open failed'));
    });
    for (const store of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
      });
      found.push(JSON.stringify(all));
    }
    db.close();
  }
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      found.push(request.url, await ((await cache.match(request))?.text() ?? ''));
    }
  }
  return found;
}

describe('<amex-chat>', () => {
  describe('redaction', () => {
    let endpoint: string;
    before(async () => {
      endpoint = await startReferenceServer({ replyDelay: 5, tokens: TOKEN });
    });
    after(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations in the ended chat with a secret left unsent in the composer', async () => {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat endpoint=${endpoint} persist="none"></amex-chat>`,
      );
      el.tokenProvider = () => Promise.resolve(TOKEN);
      await el.show();
      await waitFor(() => el.shadowRoot!.querySelector('.message.assistant'), 'the greeting');
      await el.send('I lost my card');
      await el.end();
      await waitFor(() => el.shadowRoot!.querySelector('#case-number'), 'the ended state');
      await el.focusComposer();
      await sendKeys({ type: UNSENT });
      await waitFor(() => el.shadowRoot!.querySelector('#warning'), 'the warning under the composer');
      await axeCheck(el);
    });

    it('leaves no secret and no token anywhere after a conversation ends and the page hides', async function () {
      this.timeout(30_000);
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
      const originals = methods.map((m) => console[m].bind(console));
      for (const m of methods) {
        const original = console[m].bind(console);
        console[m] = (...args: unknown[]) => {
          logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
          original(...args);
        };
      }
      const details: string[] = [];
      const types = ['open', 'close', 'message', 'state', 'redacted', 'error'].map((t) => `amex-chat-${t}`);
      const record = (event: Event): void => {
        details.push(withoutNoise((event as CustomEvent).detail));
      };
      for (const type of types) document.addEventListener(type, record);
      try {
        const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${endpoint}></amex-chat>`);
        el.tokenProvider = () => Promise.resolve(TOKEN);
        await typeEverySecret(el);
        const info = await el.end();
        expect(info?.caseNumber).to.match(/^AMX-/);
        await waitFor(() => el.shadowRoot!.querySelector('#case-number'), 'the ended state');
        // A secret typed but never sent stays in the composer only.
        await el.focusComposer();
        await sendKeys({ type: UNSENT });
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
        // What the page's pagehide handlers put off (a write after a promise or a timer) has no
        // event to await.
        await quietFor(100, 'writes the pagehide handlers could put off');

        const stored = await everythingStored();
        // The page's body without the test runner's scripts: they carry base64 source maps and
        // random ids whose digits, run together, held "7391" by chance once.
        const body = document.body.cloneNode(true) as HTMLElement;
        for (const script of body.querySelectorAll('script')) script.remove();
        const hostDom = body.outerHTML;
        expect(details.length, 'events were recorded').to.be.greaterThan(10);
        expect(stored.join('\n')).to.include('amex-chat', 'the resume state is there (redacted)');
        const places: [string, string[]][] = [
          ['storage, cookies or the URL', stored],
          ['the console', logged],
          ['event details', details],
          ['the host DOM', [hostDom]],
        ];
        for (const [where, texts] of places) {
          for (const secret of secrets)
            expect(leaks(texts, secret), `${secret.kind} in ${where}`).to.deep.equal([]);
          expect(
            texts.filter((t) => t.includes('60110009')),
            `the unsent draft in ${where}`,
          ).to.deep.equal([]);
          expect(
            texts.filter((t) => t.includes(TOKEN)),
            `the token in ${where}`,
          ).to.deep.equal([]);
        }
      } finally {
        methods.forEach((m, i) => (console[m] = originals[i]!));
        for (const type of types) document.removeEventListener(type, record);
      }
    });
  });
});

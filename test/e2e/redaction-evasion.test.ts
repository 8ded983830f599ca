// The evasions of issue 21, typed with real keys into the composer of the running widget against
// the real reference server: a card in parts across messages or inside one message, look-alike
// letters, dingbat digits, number words (English and Spanish), an SSN in parts and password
// phrasings. For each, what a person can read of the secret is bounded in the frames Chromium
// sent (CDP), in the frames the server received, in what the server stored for the conversation
// and in the customer's own transcript. Each scenario is a conversation of its own.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { digitsOfSecretIn, readDigitString } from '../unit/digit-reader.js';
import { axeCheck, framesReceivedByServer, waitFor, wireFramesSent } from '../support/helpers.js';
import { debugUrl, saidByCustomer, storedConversations } from '../support/debug-hooks.js';
import type { StoredConversation } from '../support/debug-hooks.js';
import { serverForSuite, serverForTest } from '../support/suite-server.js';

interface Scenario {
  /** The messages, typed and sent one after another. */
  typed: string[];
  /** The digits a person must not be able to read back, or a password that must not appear. */
  secret: string;
  /** How many digits of `secret` may be readable in all the messages together (digit secrets). */
  allowed?: number;
  lang?: 'en' | 'es';
}

const CARD = '378282246310005';
const VISA = '4111111111111111';

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

/** What the server's second-line redaction had to change so far (0 when the widget did it all). */
async function redactedByServer(endpoint: string): Promise<number> {
  const body = (await (await fetch(debugUrl(endpoint, 'frames'))).json()) as {
    stats: { redactedByServer: number };
  };
  return body.stats.redactedByServer;
}

/** `waitFor` for a check that has to ask the server or the recorder: polls until it is truthy. */
async function eventually<T>(check: () => Promise<T>, message: string): Promise<NonNullable<T>> {
  let value: T | undefined;
  let asking = false;
  await waitFor(() => {
    if (!asking) {
      asking = true;
      void check()
        .then((v) => (value = v))
        .catch(() => undefined)
        .finally(() => (asking = false));
    }
    return value;
  }, message);
  return value!;
}

function parse(frame: string): Record<string, unknown> {
  try {
    return JSON.parse(frame) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The texts of the message frames among `frames`, each message once (a retry has the same id). */
function messageTexts(frames: string[]): string[] {
  const byId = new Map<unknown, string>();
  for (const data of frames.map(parse)) {
    if (data['type'] !== 'message') continue;
    expect(Object.keys(data).sort(), 'a message frame carries only its id and text').to.deep.equal([
      'id',
      'text',
      'type',
    ]);
    byId.set(data['id'], String(data['text']));
  }
  return [...byId.values()];
}

/** Typing indicators carry the flag and nothing else. */
function expectBareTyping(frames: string[], where: string): void {
  for (const data of frames.map(parse).filter((d) => d['type'] === 'typing')) {
    expect(Object.keys(data).sort(), `a typing frame ${where}`).to.deep.equal(['active', 'type']);
  }
}

/** Whether `text` shows five or more characters of `secret` in a row. */
function showsPart(text: string, secret: string): boolean {
  for (let i = 0; i + 5 <= secret.length; i++) if (text.includes(secret.slice(i, i + 5))) return true;
  return false;
}

/** Asserts what a person can read of the scenario's secret in `texts` (one channel's messages). */
function expectUnreadable(scenario: Scenario, texts: string[], where: string): void {
  const label = `${JSON.stringify(scenario.typed)} → ${JSON.stringify(texts)} (${where})`;
  expect(texts, label).to.have.length(scenario.typed.length);
  if (scenario.allowed === undefined) {
    expect(
      texts.filter((t) => showsPart(t, scenario.secret)),
      label,
    ).to.deep.equal([]);
    return;
  }
  const read = digitsOfSecretIn(scenario.secret, readDigitString(texts.join(' \n ')));
  expect(read, `digits of ${scenario.secret} readable in ${label}`).to.be.at.most(scenario.allowed);
}

/**
 * Opens a fresh widget (its own conversation: nothing persisted, no tab sharing), types each
 * message of the scenario with real keys, presses Enter and waits until the server stored it;
 * then checks every channel.
 */
async function runScenario(endpoint: string, scenario: Scenario): Promise<void> {
  const sentBefore = (await wireFramesSent(endpoint)).length;
  const receivedBefore = (await framesReceivedByServer(endpoint)).length;
  const redactedBefore = await redactedByServer(endpoint);
  const known = new Set((await storedConversations(endpoint)).map((c) => c.id));

  const el = await fixture<AmexChatElement>(
    html`<amex-chat endpoint=${endpoint} lang=${scenario.lang ?? 'en'} persist="none"></amex-chat>`,
  );
  await el.focusComposer();
  await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
  const mine = async (): Promise<StoredConversation | undefined> =>
    (await storedConversations(endpoint)).find((c) => !known.has(c.id));
  const customer = (c: StoredConversation | undefined): string[] => (c ? saidByCustomer(c) : []);

  for (const [index, text] of scenario.typed.entries()) {
    await sendKeys({ type: text });
    await sendKeys({ press: 'Enter' });
    await eventually(
      async () => customer(await mine()).length === index + 1,
      `message ${index + 1} stored by the server`,
    );
  }
  const stored = customer(await mine());
  // The recorder's reports come on a channel of their own and may lag: wait for every message.
  const sent = await eventually(async () => {
    const frames = (await wireFramesSent(endpoint)).slice(sentBefore);
    return messageTexts(frames).length === scenario.typed.length ? frames : undefined;
  }, 'every message frame in the recording');
  const received = (await framesReceivedByServer(endpoint)).slice(receivedBefore);

  expectUnreadable(scenario, messageTexts(sent), 'frames Chromium sent');
  expectUnreadable(scenario, messageTexts(received), 'frames the server received');
  expectUnreadable(scenario, stored, 'what the server stored');
  expectUnreadable(scenario, bubbles(el, 'customer'), "the customer's own transcript");
  // The customer sees exactly what was sent and stored.
  expect(bubbles(el, 'customer')).to.deep.equal(stored);
  expect(messageTexts(sent)).to.deep.equal(stored);
  expect(sent.some((f) => parse(f)['type'] === 'typing')).to.equal(true, 'typing frames were sent');
  expectBareTyping(sent, 'Chromium sent');
  expectBareTyping(received, 'the server received');
  if (scenario.allowed === undefined) {
    expect(
      sent.filter((f) => showsPart(f, scenario.secret)),
      'a frame Chromium sent',
    ).to.deep.equal([]);
    expect(
      received.filter((f) => showsPart(f, scenario.secret)),
      'a frame received',
    ).to.deep.equal([]);
  }
  // The widget removed everything itself: the server's second line found nothing to change.
  expect(await redactedByServer(endpoint), 'server-side redactions').to.equal(redactedBefore);
  el.remove();
}

describe('<amex-chat>', () => {
  describe('redaction against evasion (issue 21), on the wire and in the store', () => {
    let endpoint: string;
    serverForSuite({ replyDelay: 5, debug: true }, (url) => (endpoint = url), { recordWire: true });

    it('has no axe violations with a card in look-alike letters warned about, then sent masked', async function () {
      this.timeout(30_000);
      // A server of its own: the scenarios below count what `endpoint` received.
      const own = await serverForTest({ replyDelay: 5 });
      const el = await fixture<AmexChatElement>(html`<amex-chat endpoint=${own} persist="none"></amex-chat>`);
      await el.focusComposer();
      await waitFor(() => bubbles(el, 'assistant').length === 1, 'the greeting');
      await sendKeys({ type: '37828224631OOO5' });
      await waitFor(() => el.shadowRoot?.querySelector('#warning'), 'the warning');
      await axeCheck(el);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => bubbles(el, 'customer').length === 1, 'the masked message');
      expect(bubbles(el, 'customer')[0]).to.not.include('822463');
      await axeCheck(el);
    });

    it('keeps a card typed in parts to ten digits, across messages and inside one', async function () {
      this.timeout(60_000);
      // Ordinary messages between the parts.
      await runScenario(endpoint, { typed: ['3782 822463', 'ok', '10005'], secret: CARD, allowed: 10 });
      // A question and a whole sentence between three parts.
      await runScenario(endpoint, {
        typed: [
          '3782',
          'what is my current balance?',
          '822463',
          'I think someone used my card at a gas station yesterday',
          '10005',
        ],
        secret: CARD,
        allowed: 10,
      });
      // Words between the parts inside one message.
      await runScenario(endpoint, { typed: ['first 378282 last 246310005'], secret: CARD, allowed: 10 });
    });

    it('reads look-alike letters and dingbat digits as the card they spell', async function () {
      this.timeout(60_000);
      for (const typed of ['37828224631OOO5', '3782822463lOOO5', '➌➐➑➋➑➋➋➍➏➌➊⓿⓿⓿➎']) {
        // A card typed whole in one message: its mask keeps the last four.
        await runScenario(endpoint, { typed: [typed], secret: CARD, allowed: 4 });
      }
      // A last part in look-alike letters alone, in one message or one letter a message.
      await runScenario(endpoint, { typed: ['4111 111111', 'llllll'], secret: VISA, allowed: 10 });
      await runScenario(endpoint, {
        typed: ['3782 822463', 'I', 'ok I', 'I I', 'O'],
        secret: '378282246311110',
        allowed: 10,
      });
    });

    it('reads spelled-out numbers as digits, in English and Spanish', async function () {
      this.timeout(90_000);
      const scenarios: Scenario[] = [
        {
          typed: ['three seven eight two eight two two four six three one zero zero zero five'],
          secret: CARD,
          allowed: 4,
        },
        {
          typed: ['cuatro uno uno uno uno uno uno uno uno uno uno uno uno uno uno uno'],
          secret: VISA,
          allowed: 4,
          lang: 'es',
        },
        { typed: ['cvv is four eight two one'], secret: '4821', allowed: 0 },
        {
          typed: ['my social security number is five three six two two eight one nine four'],
          secret: '536228194',
          allowed: 0,
        },
        { typed: ['OTP five eight three nine two zero'], secret: '583920', allowed: 0 },
        { typed: ['4111 one one one one 1111 1111'], secret: VISA, allowed: 4 },
      ];
      for (const scenario of scenarios) await runScenario(endpoint, scenario);
    });

    it('removes an SSN completed in a second message, and passwords after pass/login', async function () {
      this.timeout(60_000);
      await runScenario(endpoint, { typed: ['536-22', '-8194'], secret: '536228194', allowed: 5 });
      await runScenario(endpoint, { typed: ['pass Tr0ub4dor&3x!'], secret: 'Tr0ub4dor&3x!' });
      await runScenario(endpoint, { typed: ['login Tr0ub4dor&3x! please'], secret: 'Tr0ub4dor&3x!' });
    });
  });
});

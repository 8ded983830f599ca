// Issue 21, item 6: the evasions the redaction engine reads (look-alike letters, dingbat digits,
// number words in English and Spanish, a card split in one message or across messages, spelled
// codes, passwords after a cue) typed with real keys into the real composer. The live warning
// under the message box names the kind at once (in English and Spanish), is linked to the box
// with aria-describedby and is announced after typing pauses; with redaction="block" Enter sends
// nothing, keeps the draft, marks the box invalid and names the kind in an assertive error.
// A scripted server in the page (test/support/scripted-transport.ts) records what was sent.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement, AmexChatRedactedDetail } from '../../src/index.js';
import { listKinds, strings } from '../../src/components/i18n.js';
import type { Locale, Strings } from '../../src/components/i18n.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { quietFor } from '../support/quiet.js';
import { part, scriptedChat } from '../support/scripted-chat.js';
import type { ScriptedServer } from '../support/scripted-transport.js';

type Kind = keyof Strings['kinds'];

interface Evasion {
  text: string;
  kind: Kind;
  /** The language of the widget it is written for. */
  home: Locale;
  /** Also checked in a Spanish widget (the Spanish ones always are). */
  es?: true;
}

const EVASIONS: Evasion[] = [
  { text: '37828224631OOO5', kind: 'card', home: 'en', es: true },
  { text: '➌➐➑➋➑➋➋➍➏➌➊⓿⓿⓿➎', kind: 'card', home: 'en', es: true },
  {
    text: 'three seven eight two eight two two four six three one zero zero zero five',
    kind: 'card',
    home: 'en',
  },
  { text: 'cuatro uno uno uno uno uno uno uno uno uno uno uno uno uno uno uno', kind: 'card', home: 'es' },
  { text: 'first 378282 last 246310005', kind: 'card', home: 'en', es: true },
  { text: 'cvv is four eight two one', kind: 'cvv', home: 'en', es: true },
  { text: 'OTP five eight three nine two zero', kind: 'otp', home: 'en' },
  {
    text: 'my social security number is five three six two two eight one nine four',
    kind: 'ssn',
    home: 'en',
  },
  { text: 'pass Tr0ub4dor&3x!', kind: 'password', home: 'en' },
  { text: 'login Tr0ub4dor&3x! please', kind: 'password', home: 'en', es: true },
  { text: 'mi contraseña temporal es Gato-2024!', kind: 'password', home: 'es' },
];

interface Chat {
  el: AmexChatElement;
  server: ScriptedServer;
  input: HTMLTextAreaElement;
  /** Everything the polite and the assertive live regions said, in order. */
  said: { polite: string[]; assertive: string[] };
  /** `amex-chat-redacted` details. */
  redacted: AmexChatRedactedDetail[];
}

/** A connected conversation (the greeting has arrived) with focus in the message box. */
async function chat(lang: Locale, redaction: 'mask' | 'block' = 'mask'): Promise<Chat> {
  const { el, server } = await scriptedChat({ lang, redaction });
  const said = { polite: [] as string[], assertive: [] as string[] };
  for (const kind of ['polite', 'assertive'] as const) {
    const region = part(el, `[aria-live="${kind}"]`)!;
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) said[kind].push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  }
  const redacted: AmexChatRedactedDetail[] = [];
  el.addEventListener('amex-chat-redacted', (e) => redacted.push(e.detail));
  const input = part(el, '#input') as HTMLTextAreaElement;
  input.focus();
  return { el, server, input, said, redacted };
}

/** The texts of the message frames the widget sent. */
const sentTexts = (server: ScriptedServer): string[] =>
  server.received.flatMap((frame) => (frame.type === 'message' ? [frame.text] : []));

const customerMessages = (el: AmexChatElement): number =>
  el.shadowRoot!.querySelectorAll('.message.customer').length;

/** Types `text` with real keys; returns the warning as it stands once the element has rendered. */
async function type({ el }: Chat, text: string): Promise<HTMLElement | null> {
  await sendKeys({ type: text });
  await el.updateComplete;
  return part(el, '#warning');
}

/** The warning names `kind` in the widget's language, under the box, and the box points to it. */
function expectWarning({ el, input }: Chat, warning: HTMLElement | null, lang: Locale, kind: Kind): void {
  const t = strings(lang);
  expect(warning, 'a warning at once, without waiting for the announcement').to.not.equal(null);
  expect(warning!.textContent).to.equal(t.warning(listKinds(t, [kind])));
  expect(warning!.getAttribute('part')).to.equal('warning');
  const box = input.getBoundingClientRect();
  const shown = warning!.getBoundingClientRect();
  expect(shown.height, 'the warning is visible').to.be.greaterThan(0);
  expect(shown.top, 'the warning is under the message box').to.be.at.least(box.bottom - 1);
  const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
  expect(describedBy).to.include(warning!.id);
  expect(el.shadowRoot!.getElementById(warning!.id)).to.equal(warning);
}

/** Enter in block mode: nothing sent, the draft kept, the box invalid, the error names `kind`. */
async function expectRefused(chat: Chat, lang: Locale, kind: Kind, draft: string): Promise<void> {
  const { el, server, input, said, redacted } = chat;
  const t = strings(lang);
  const frames = sentTexts(server).length;
  const messages = customerMessages(el);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  expect(sentTexts(server), 'nothing sent by the transport').to.have.length(frames);
  expect(customerMessages(el), 'nothing added to the transcript').to.equal(messages);
  expect(input.value, 'the draft stays').to.equal(draft);
  expect(input.getAttribute('aria-invalid')).to.equal('true');
  const error = part(el, '#error');
  const message = t.errorBlocked(listKinds(t, [kind]));
  expect(error?.textContent).to.equal(message);
  expect((input.getAttribute('aria-describedby') ?? '').split(' ')).to.include('error');
  expect(redacted.at(-1)).to.deep.equal({ kinds: [kind], count: 1, action: 'block' });
  await waitFor(() => said.assertive.some((s) => s.includes(message)), 'the assertive error');
  // Still nothing sent once the page has run its timers: a send left behind a timer has no event.
  await quietFor(50, 'a send the refused Enter could have left behind a timer');
  expect(sentTexts(server)).to.have.length(frames);
  expect(customerMessages(el)).to.equal(messages);
}

describe('<amex-chat> redaction warning (issue 21)', () => {
  it('has no axe violations with the warning and the blocked error', async () => {
    const c = await chat('en', 'block');
    await type(c, 'cvv is four eight two one');
    await expectRefused(c, 'en', 'cvv', 'cvv is four eight two one');
    expect(part(c.el, '#warning')).to.not.equal(null);
    await axeCheck(c.el);
  });

  describe('names each evasion the moment it is typed', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const evasion of EVASIONS.filter((e) => lang === 'en' || e.home === 'es' || e.es)) {
        it(`${lang}: ${evasion.text}`, async () => {
          const c = await chat(lang);
          const warning = await type(c, evasion.text);
          expect(c.input.value, 'typed as is').to.equal(evasion.text);
          expectWarning(c, warning, lang, evasion.kind);
          const t = strings(lang);
          const text = t.warning(listKinds(t, [evasion.kind]));
          // In a page without frames (a background tab) announcements of one moment are joined.
          await waitFor(
            () => c.said.polite.some((s) => s.includes(text)),
            'the polite announcement after the pause',
            3000,
          );
          expect(sentTexts(c.server)).to.deep.equal([]);
        });
      }
    }
  });

  describe('redaction="block" refuses each evasion', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const evasion of EVASIONS.filter((e) => e.home === lang || (lang === 'es' && e.es))) {
        it(`${lang}: ${evasion.text}`, async () => {
          const c = await chat(lang, 'block');
          const warning = await type(c, evasion.text);
          expectWarning(c, warning, lang, evasion.kind);
          await expectRefused(c, lang, evasion.kind, evasion.text);
        });
      }
    }
  });

  describe('a card split across messages', () => {
    /** Sends `3782 822463` and `ok` with Enter: both are allowed, and go out as typed. */
    async function sendFirstParts(c: Chat): Promise<void> {
      for (const [i, text] of ['3782 822463', 'ok'].entries()) {
        const warning = await type(c, text);
        expect(warning, `no warning for "${text}"`).to.equal(null);
        await sendKeys({ press: 'Enter' });
        await c.el.updateComplete;
        expect(c.input.value).to.equal('');
        expect(part(c.el, '#error')).to.equal(null);
        await waitFor(() => sentTexts(c.server).length === i + 1, `"${text}" sent`);
        expect(customerMessages(c.el)).to.equal(i + 1);
      }
      expect(sentTexts(c.server)).to.deep.equal(['3782 822463', 'ok']);
    }

    for (const lang of ['en', 'es'] as const) {
      it(`${lang}: warns before the last part is sent, and masks it when sent`, async () => {
        const c = await chat(lang);
        await sendFirstParts(c);
        const warning = await type(c, '10005');
        expectWarning(c, warning, lang, 'card');
        await sendKeys({ press: 'Enter' });
        await waitFor(() => sentTexts(c.server).length === 3, 'the last part sent');
        const last = sentTexts(c.server)[2]!;
        expect(last).to.not.include('0005');
        expect(last).to.match(/^•+$/u);
        expect(c.redacted.at(-1)).to.deep.equal({ kinds: ['card'], count: 1, action: 'mask' });
      });
    }

    it('en: redaction="block" refuses the last part', async () => {
      const c = await chat('en', 'block');
      await sendFirstParts(c);
      const warning = await type(c, '10005');
      expectWarning(c, warning, 'en', 'card');
      await expectRefused(c, 'en', 'card', '10005');
      expect(sentTexts(c.server)).to.deep.equal(['3782 822463', 'ok']);
    });
  });
});

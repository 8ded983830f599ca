// Accommodations end to end against the reference server, in English and Spanish: the host's
// attribute pre-ticks "more time" and "written summary", the customer saves the form, the
// server's notice arrives in the customer's language, the inactivity warning comes at twice the
// host's timeout (fake clock), and the written end summary arrives in the transcript and in
// the downloaded transcript's text.
import { expect, fixture, html } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import '../../src/define.js';
import { transcriptText } from '../../src/components/transcript.js';
import { strings } from '../../src/components/i18n.js';
import { FakeClock } from '../support/fake-clock.js';
import { axeCheck, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';

const JOURNEYS = {
  en: {
    noted: /^We've noted what you told us: you need more time and a written summary at the end\./,
    questions: ['What is my APR?', 'What is my balance?', 'My card was declined'],
    first: /Next steps for your APR/,
    written: /We took into account what you told us: you need more time and a written summary at the end\./,
  },
  es: {
    noted: /^Tomamos nota de lo que nos indicó: necesita más tiempo y un resumen por escrito al final\./,
    questions: ['¿Cuál es mi tasa de interés?', '¿Cuál es mi saldo?', 'Mi tarjeta fue rechazada'],
    first: /Próximos pasos de su tasa de interés/,
    written: /Tomamos en cuenta lo que nos indicó: necesita más tiempo y un resumen por escrito al final\./,
  },
} as const;

function $(el: AmexChatElement, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

describe('<amex-chat> accommodations, with the reference server', () => {
  afterEach(async () => {
    await stopReferenceServers();
  });

  it('has no axe violations with the pre-ticked form open, then the end card, in English and Spanish', async () => {
    const endpoint = await startReferenceServer({ replyDelay: 5 });
    for (const lang of ['en', 'es'] as const) {
      const el = await fixture<AmexChatElement>(
        html`<amex-chat
          persist="none"
          lang=${lang}
          accommodations="more-time written-summary"
          endpoint=${endpoint}
        ></amex-chat>`,
      );
      await el.show();
      await waitFor(() => $(el, '#needs-toggle'), '"Your needs"');
      $(el, '#needs-toggle')!.click();
      await waitFor(() => $(el, '#needs-form'), 'the form');
      await axeCheck(el);
      $(el, '#needs-save')!.click();
      await waitFor(() => $(el, '.message.system'), 'the notice');
      await el.end();
      await waitFor(() => $(el, '#case-summary'), 'the end card');
      await axeCheck(el);
    }
  });

  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: stated from the pre-ticked form, the timeout doubles and the summary is written in full`, async () => {
      const journey = JOURNEYS[lang];
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const clock = new FakeClock(Date.now()).install();
      try {
        const el = await fixture<AmexChatElement>(
          html`<amex-chat
            persist="none"
            lang=${lang}
            idle-timeout="100"
            accommodations="more-time written-summary"
            endpoint=${endpoint}
          ></amex-chat>`,
        );
        await el.show();
        await waitFor(() => $(el, '.message.assistant'), 'the greeting');
        $(el, '#needs-toggle')!.click();
        await waitFor(() => $(el, '#needs-form'), 'the form');
        const ticked = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="need"]')]
          .filter((box) => box.checked)
          .map((box) => box.value);
        expect(ticked).to.deep.equal(['more-time', 'written-summary']);
        $(el, '#needs-save')!.click();
        const notice = await waitFor(
          () =>
            [...el.shadowRoot!.querySelectorAll('.message.system')].find((m) =>
              journey.noted.test(m.querySelector('.bubble')?.textContent ?? ''),
            ),
          'the notice',
        );
        expect(notice).to.exist;
        // The inactivity warning: at 100 s of 200 (not at 50 s of 100).
        clock.advance(60_000);
        await el.updateComplete;
        expect($(el, '#idle-continue'), 'no warning at 60 s').to.equal(null);
        clock.advance(40_000);
        await waitFor(() => $(el, '#idle-continue'), 'the warning at 100 s');
        $(el, '#idle-continue')!.click();
        for (const question of journey.questions) {
          const before = el.shadowRoot!.querySelectorAll('.message.assistant').length;
          await el.send(question);
          await waitFor(
            () => el.shadowRoot!.querySelectorAll('.message.assistant').length > before,
            `the answer to ${question}`,
          );
        }
        const info = await el.end();
        expect(info?.summary).to.match(journey.first);
        expect(info?.summary).to.match(journey.written);
        await waitFor(() => $(el, '#case-summary'), 'the end card');
        expect($(el, '#case-summary')!.textContent).to.match(journey.written);
        const t = strings(lang);
        const file = transcriptText({ t, locale: t.locale, heading: t.heading, messages: [], case: info });
        expect(file).to.match(journey.written);
      } finally {
        clock.uninstall();
      }
    });
  }
});

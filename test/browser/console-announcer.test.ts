/**
 * The agent console's live regions (demo/agent-console-announcer.ts) keep every announcement as a
 * node of its own, as the widget's do (issue 24, item 6): none replaces another however close
 * together, the same text said again later is said again, and a region empties a few seconds
 * after its newest. On a fake clock: no real waiting.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { TemplateResult } from 'lit';
import { ConsoleAnnouncer } from '../../demo/agent-console-announcer.js';
import { FakeClock } from '../support/agent-console.js';
import { axeCheck } from '../support/helpers.js';

class AnnouncerHost extends LitElement {
  clock = new FakeClock(Date.UTC(2026, 11, 7, 9, 0));
  readonly announcer = new ConsoleAnnouncer(this, () => this.clock);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult {
    return html`<div aria-live="polite" aria-relevant="additions text" data-region>
      ${this.announcer.render('polite')}
    </div>`;
  }
}
customElements.define('console-announcer-host', AnnouncerHost);

function said(el: AnnouncerHost): string[] {
  return [...el.querySelectorAll('[data-region] > p')].map(
    (p) => p.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

describe('agent console announcer', () => {
  it('has no axe violations with announcements in the region, one in Spanish', async () => {
    const el = await fixture<AnnouncerHost>(html`<console-announcer-host></console-announcer-host>`);
    el.announcer.announce('Customer 1 is waiting.');
    el.announcer.announce(['Customer 1: ', { text: 'Hola, necesito ayuda', lang: 'es' }]);
    await el.updateComplete;
    expect(said(el)).to.have.length(2);
    await axeCheck(el);
  });

  it('keeps each announcement as its own node, never rewritten, until the region empties', async () => {
    const el = await fixture<AnnouncerHost>(html`<console-announcer-host></console-announcer-host>`);
    el.announcer.announce('Customer 1 is waiting.');
    await el.updateComplete;
    const first = el.querySelector('[data-region] > p');
    el.clock.advance(10);
    el.announcer.announce(['Customer 1: ', { text: 'Hola, necesito ayuda', lang: 'es' }]);
    await el.updateComplete;
    el.clock.advance(1000);
    el.announcer.announce('Customer 1 is waiting.');
    await el.updateComplete;
    expect(said(el)).to.deep.equal([
      'Customer 1 is waiting.',
      'Customer 1: Hola, necesito ayuda',
      'Customer 1 is waiting.',
    ]);
    expect(el.querySelector('[data-region] > p'), 'the first node kept, not rewritten').to.equal(first);
    expect(el.querySelector('[data-region] span[lang="es"]')?.textContent).to.equal('Hola, necesito ayuda');
    // Emptied three seconds after the newest, not before.
    el.clock.advance(2999);
    await el.updateComplete;
    expect(said(el)).to.have.length(3);
    el.clock.advance(1);
    await el.updateComplete;
    expect(said(el)).to.deep.equal([]);
  });

  it('says identical texts of one update once, and the newest five of a burst', async () => {
    const el = await fixture<AnnouncerHost>(html`<console-announcer-host></console-announcer-host>`);
    el.announcer.announce('Reconnected.');
    el.announcer.announce('Reconnected.');
    for (let i = 1; i <= 7; i++) el.announcer.announce(`Message ${i}`);
    await el.updateComplete;
    expect(said(el)).to.deep.equal(['Message 3', 'Message 4', 'Message 5', 'Message 6', 'Message 7']);
  });
});

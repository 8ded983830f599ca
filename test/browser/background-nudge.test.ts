// A reply that arrives while the page is in the background: the tab's title counts it until the
// customer returns, and with `notify` and their permission (asked for from a button in the panel)
// one system notification without any message text stands for it. Nothing is said twice.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import type { VerifyFrame } from '../../src/protocol.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { part, scriptedChat } from '../support/scripted-chat.js';

const PAGE_TITLE = document.title;

/**
 * The page as the browser reports it when its tab is in the background or in front: the
 * `visibilityState` the widget reads, and the `visibilitychange` event it listens to.
 */
function pageIs(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function permission(setting: 'granted' | 'denied' | 'prompt'): Promise<void> {
  await executeServerCommand('amex-chat-notification-permission', { origin: location.origin, setting });
}

/** Notifications the page makes, as the platform gets them (the real constructor runs). */
function recordNotifications(): {
  made: { title: string; options: NotificationOptions }[];
  last(): Notification;
} {
  const Real = window.Notification;
  const made: { title: string; options: NotificationOptions }[] = [];
  let last: Notification | undefined;
  const Recording = class extends Real {
    constructor(title: string, options: NotificationOptions = {}) {
      super(title, options);
      made.push({ title, options });
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test clicks this one
      last = this;
    }
  };
  Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: Recording });
  after.push(() =>
    Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: Real }),
  );
  return { made, last: () => last! };
}

const after: (() => void)[] = [];

// Test files run in parallel tabs, so this one may really be in the background: each test starts
// with the page reported in front.
beforeEach(() => pageIs('visible'));

afterEach(async () => {
  pageIs('visible');
  delete (document as { visibilityState?: string }).visibilityState;
  document.title = PAGE_TITLE;
  for (const undo of after.splice(0)) undo();
  await permission('prompt');
});

async function agentSays(
  server: Awaited<ReturnType<typeof scriptedChat>>['server'],
  el: AmexChatElement,
  text: string,
) {
  const before = el.shadowRoot!.querySelectorAll('.message').length;
  server.event({ from: 'agent', name: 'Maria', text });
  await waitFor(() => el.shadowRoot!.querySelectorAll('.message').length > before, text);
}

describe('<amex-chat> in a background tab', () => {
  it('has no axe violations with the offer to turn on notifications', async () => {
    await permission('prompt');
    const { el } = await scriptedChat();
    el.notify = true;
    await el.updateComplete;
    expect(part(el, '[part="notify-offer"]')).to.exist;
    await axeCheck(el);
  });

  it('counts what arrives in the title while hidden, and gives the title back on return', async () => {
    document.title = 'Your account';
    const { el, server } = await scriptedChat();
    pageIs('hidden');
    await agentSays(server, el, 'Are you there?');
    expect(document.title).to.equal('(1) New message – Your account');
    await agentSays(server, el, 'I can help with that.');
    expect(document.title).to.equal('(2) New messages – Your account');
    pageIs('visible');
    expect(document.title).to.equal('Your account');
    // In front, nothing is counted.
    await agentSays(server, el, 'Anything else?');
    expect(document.title).to.equal('Your account');
  });

  it('counts in the widget language, and keeps a title the page changed meanwhile', async () => {
    document.title = 'Su cuenta';
    const { el, server } = await scriptedChat({ lang: 'es' });
    pageIs('hidden');
    await agentSays(server, el, 'Hola');
    expect(document.title).to.equal('(1) Mensaje nuevo – Su cuenta');
    document.title = 'Pagos';
    await agentSays(server, el, '¿Sigue ahí?');
    expect(document.title).to.equal('(2) Mensajes nuevos – Pagos');
    document.title = 'Otra página';
    pageIs('visible');
    // The page's own title since the count stays.
    expect(document.title).to.equal('Otra página');
  });

  it("does not count the customer's own messages or queue notices; counts an agent joining", async () => {
    document.title = 'Your account';
    const { el, server } = await scriptedChat();
    pageIs('hidden');
    await el.send('hello');
    server.event({
      kind: 'notice',
      notice: { code: 'queued', team: 'general' },
      from: 'system',
      name: '',
      text: 'You are in line',
    });
    await waitFor(() => el.shadowRoot!.querySelectorAll('.message.system').length === 1, 'the notice');
    expect(document.title).to.equal('Your account');
    server.event({
      kind: 'notice',
      notice: { code: 'agent-joined', agent: 'Maria', team: 'general' },
      from: 'system',
      name: '',
      text: 'Maria joined',
    });
    await waitFor(() => el.shadowRoot!.querySelectorAll('.message.system').length === 2, 'the agent');
    expect(document.title).to.equal('(1) New message – Your account');
  });

  it('counts an identity check asked for while hidden, once, even when the server sends it again', async () => {
    document.title = 'Your account';
    const { el, server } = await scriptedChat();
    pageIs('hidden');
    const ask: VerifyFrame = {
      type: 'verify',
      id: 'v1',
      state: 'choose',
      methods: ['push', 'code'],
      expiresIn: 300,
    };
    server.push(ask);
    await waitFor(() => part(el, '#verify'), 'the identity check');
    expect(document.title).to.equal('(1) New message – Your account');
    // A reconnect replays the same request: nothing new arrived.
    server.push(ask);
    await el.updateComplete;
    expect(document.title).to.equal('(1) New message – Your account');
    pageIs('visible');
    expect(document.title).to.equal('Your account');
  });

  it('says each message once, as in front, and nothing when the customer returns', async () => {
    const { el, server } = await scriptedChat();
    const live = recordLiveRegions(el.shadowRoot!);
    pageIs('hidden');
    await agentSays(server, el, 'Your card is on its way.');
    pageIs('visible');
    await el.updateComplete;
    expect(live.texts('polite').filter((text) => text.includes('Your card is on its way.'))).to.have.length(
      1,
    );
    expect(live.texts('polite').join(' ')).not.to.include('New message');
    expect(live.texts('assertive')).to.deep.equal([]);
  });

  it('without notify, offers nothing and never makes a notification', async () => {
    await permission('granted');
    const notifications = recordNotifications();
    const { el, server } = await scriptedChat();
    expect(part(el, '[part="notify-offer"]')).to.equal(null);
    pageIs('hidden');
    await agentSays(server, el, 'Hello');
    expect(notifications.made).to.deep.equal([]);
  });

  it('with notify and permission, one notification with no message text; clicking it opens the chat', async () => {
    await permission('granted');
    const notifications = recordNotifications();
    const { el, server } = await scriptedChat({ heading: 'Card Services' });
    el.notify = true;
    await el.updateComplete;
    // Permission already given: no offer.
    expect(part(el, '[part="notify-offer"]')).to.equal(null);
    await el.hide();
    pageIs('hidden');
    await agentSays(server, el, 'Your balance is $1,234.56, Ana.');
    await agentSays(server, el, 'Anything else?');
    expect(notifications.made.map((n) => n.title)).to.deep.equal([
      'New message from Card Services',
      'New message from Card Services',
    ]);
    for (const { options } of notifications.made) {
      expect(options.tag).to.equal('amex-chat');
      expect(options.body ?? '').to.equal('');
      expect(JSON.stringify(options)).not.to.match(/1,234|Ana|Anything/);
    }
    const opened: string[] = [];
    el.addEventListener('amex-chat-open', (event) => opened.push(event.type));
    notifications.last().dispatchEvent(new Event('click'));
    await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
    expect(el.open).to.equal(true);
    expect(opened).to.deep.equal(['amex-chat-open']);
  });

  it('asks for permission only from its button, then says the answer and keeps focus in the panel', async () => {
    await permission('prompt');
    const { el } = await scriptedChat({ open: 'keyboard' });
    const asked: string[] = [];
    const real = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = async () => {
      asked.push('asked');
      // The visitor answers the browser's prompt.
      await permission('denied');
      return real();
    };
    after.push(() => (Notification.requestPermission = real));
    el.notify = true;
    await el.updateComplete;
    // Turning `notify` on asks nothing by itself.
    expect(asked).to.deep.equal([]);
    const live = recordLiveRegions(el.shadowRoot!);
    const button = part(el, '#notify-on')!;
    expect(button.textContent.trim()).to.equal('Turn on notifications');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => part(el, '[part="notify-offer"]') === null, 'the offer gone');
    expect(asked).to.deep.equal(['asked']);
    await waitFor(
      () => live.texts('polite').some((text) => text.startsWith('Notifications are off.')),
      'the answer',
    );
    await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
  });
});

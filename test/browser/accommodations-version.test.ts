// Accommodations and the server's version: the `accommodations` frame is 1.5's, and an older
// server refuses it. The widget reads the version from the server's welcome: with a 1.4 server
// it offers no "Your needs" button, sends no frame, and needs the customer states anyway (the
// form was open, or saved while offline) stay in the form with a message saying why.
import { expect } from '@open-wc/testing';
import mitt from 'mitt';
import type { AmexChatElement } from '../../src/index.js';
import type { Transport, TransportEvents } from '../../src/transport/index.js';
import '../../src/define.js';
import { axeCheck, deepActiveElement, waitFor } from '../support/helpers.js';
import { recordLiveRegions } from '../support/live-regions.js';
import { GREETING, part, scriptedElement } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

const REFUSED_EN =
  'This chat cannot take your needs, so nothing was sent. Your choices are still here; you can tell us in a message instead.';
const REFUSED_ES =
  'Este chat no puede recibir sus necesidades, así que no se envió nada. Sus opciones siguen aquí; puede indicárnoslas en un mensaje.';

function checked(el: AmexChatElement): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="need"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
}

/** How many frames of `type` the server got. */
function count(server: ScriptedServer, type: string): number {
  return server.received.filter((frame) => frame.type === type).length;
}

/** A connection attempt that fails at once, as when the customer is offline. */
function offline(): Transport {
  const events = mitt<TransportEvents>();
  return {
    events,
    connect: () => void setTimeout(() => events.emit('close', { code: 1006, reason: 'offline' }), 0),
    send: () => false,
    close: () => undefined,
  };
}

interface Chat {
  el: AmexChatElement;
  server: ScriptedServer;
  /** Whether connection attempts reach the server (else they fail, as offline). */
  network: { up: boolean };
  /** The connection state the element last reported (`amex-chat-state`). */
  state: () => string;
}

/** A chat on a server that speaks `version`, its panel open and the greeting shown. */
async function chatOn(version: string, lang = 'en'): Promise<Chat> {
  const server = new ScriptedServer([GREETING]);
  server.welcomeVersion = version;
  const network = { up: true };
  const el = await scriptedElement(server, { lang });
  let state = 'idle';
  el.addEventListener('amex-chat-state', (event) => (state = event.detail.state));
  el.transportFactory = (endpoint) => (network.up ? server.factory(endpoint) : offline());
  await el.show();
  await waitFor(() => part(el, '.message.assistant'), 'the greeting');
  await el.updateComplete;
  return { el, server, network, state: () => state };
}

/** The connection drops and the widget notices; attempts fail until `reconnect`. */
async function goOffline({ server, network, state }: Chat): Promise<void> {
  network.up = false;
  server.drop();
  await waitFor(() => state() !== 'connected', 'the drop noticed');
}

/** The network is back (the browser says so): the widget reconnects, to a server of `version`. */
async function reconnect({ el, server, network, state }: Chat, version: string): Promise<void> {
  const hellos = count(server, 'hello');
  server.welcomeVersion = version;
  network.up = true;
  window.dispatchEvent(new Event('online'));
  await waitFor(() => count(server, 'hello') > hellos && state() === 'connected', 'connected again');
  await el.updateComplete;
}

describe('<amex-chat> accommodations and the server version', () => {
  it('has no axe violations with the form saying a 1.4 server cannot take the needs', async () => {
    const chat = await chatOn('1.5');
    const { el } = chat;
    part(el, '#needs-toggle')!.click();
    await waitFor(() => part(el, '#needs-form'), 'the form');
    await goOffline(chat);
    await reconnect(chat, '1.4');
    (part(el, '#need-more-time') as HTMLInputElement).click();
    part(el, '#needs-save')!.click();
    await waitFor(() => part(el, '#needs-refused'), 'the message');
    await axeCheck(el);
  });

  it('offers no "Your needs" button on a 1.4 server; messages still go', async () => {
    const { el, server } = await chatOn('1.4');
    expect(part(el, '#needs-toggle') !== null, 'no button').to.equal(false);
    await el.send('hello');
    await server.sent('message');
    expect(count(server, 'accommodations')).to.equal(0);
  });

  it('offers it on a 1.5 server (the same page, the same script)', async () => {
    const { el } = await chatOn('1.5');
    expect(part(el, '#needs-toggle') !== null, 'the button').to.equal(true);
  });

  it('focus on "Your needs" when a 1.4 server answers moves to the message box (the panel keeps focus)', async () => {
    const chat = await chatOn('1.5');
    const { el } = chat;
    part(el, '#needs-toggle')!.focus();
    await goOffline(chat);
    expect(deepActiveElement()?.id, 'still on the button while offline').to.equal('needs-toggle');
    await reconnect(chat, '1.4');
    await waitFor(() => deepActiveElement()?.id === 'input', 'focus in the message box');
    expect(part(el, '#needs-toggle') !== null).to.equal(false);
  });

  it('Save in a form opened before a 1.4 server answered: says why, keeps the choices, sends nothing', async () => {
    const chat = await chatOn('1.5');
    const { el, server } = chat;
    const live = recordLiveRegions(el.shadowRoot!);
    part(el, '#needs-toggle')!.click();
    await waitFor(() => part(el, '#needs-form'), 'the form');
    await goOffline(chat);
    await reconnect(chat, '1.4');
    expect(part(el, '#needs-form') !== null, 'the open form stays').to.equal(true);
    (part(el, '#need-more-time') as HTMLInputElement).click();
    const note = part(el, '#needs-note') as HTMLTextAreaElement;
    note.value = 'Short sentences, please';
    note.dispatchEvent(new Event('input'));
    const save = part(el, '#needs-save')!;
    save.focus();
    save.click();
    const message = await waitFor(() => part(el, '#needs-refused'), 'the message');
    expect(message.textContent).to.equal(REFUSED_EN);
    await waitFor(() => live.texts().includes(REFUSED_EN), 'the message said');
    expect(checked(el)).to.deep.equal(['more-time']);
    expect((part(el, '#needs-note') as HTMLTextAreaElement).value).to.equal('Short sentences, please');
    expect(deepActiveElement()?.id, 'focus stays on Save').to.equal('needs-save');
    expect(count(server, 'accommodations')).to.equal(0);
    await axeCheck(el);
    // "Not now" closes it; with nothing this server can take, the button is gone.
    part(el, '#needs-skip')!.click();
    await el.updateComplete;
    expect(part(el, '#needs-form') !== null).to.equal(false);
    expect(part(el, '#needs-toggle') !== null).to.equal(false);
    live.stop();
  });

  it('needs saved while offline are not sent to a 1.4 server: back in the form, said, in Spanish', async () => {
    const chat = await chatOn('1.5', 'es');
    const { el, server } = chat;
    const live = recordLiveRegions(el.shadowRoot!);
    part(el, '#needs-toggle')!.click();
    await waitFor(() => part(el, '#needs-form'), 'the form');
    await goOffline(chat);
    (part(el, '#need-hearing') as HTMLInputElement).click();
    const note = part(el, '#needs-note') as HTMLTextAreaElement;
    note.value = 'Frases cortas';
    note.dispatchEvent(new Event('input'));
    part(el, '#needs-save')!.click();
    await el.updateComplete;
    expect(part(el, '#needs-form') !== null, 'held for the connection: the form closes').to.equal(false);
    await reconnect(chat, '1.4');
    const message = await waitFor(() => part(el, '#needs-refused'), 'the form again, with the message');
    expect(message.textContent).to.equal(REFUSED_ES);
    await waitFor(() => live.texts().includes(REFUSED_ES), 'the message said');
    expect(checked(el)).to.deep.equal(['hearing']);
    expect((part(el, '#needs-note') as HTMLTextAreaElement).value).to.equal('Frases cortas');
    expect(count(server, 'accommodations')).to.equal(0);
    await axeCheck(el);
    live.stop();
  });

  it('needs saved while offline still go to a 1.5 server once back', async () => {
    const chat = await chatOn('1.5');
    const { el, server } = chat;
    part(el, '#needs-toggle')!.click();
    await waitFor(() => part(el, '#needs-form'), 'the form');
    await goOffline(chat);
    (part(el, '#need-screen-reader') as HTMLInputElement).click();
    part(el, '#needs-save')!.click();
    await el.updateComplete;
    expect(count(server, 'accommodations')).to.equal(0);
    await reconnect(chat, '1.5');
    const frame = await server.sent('accommodations');
    expect(frame).to.deep.equal({ type: 'accommodations', needs: ['screen-reader'] });
    expect(part(el, '#needs-refused') !== null).to.equal(false);
  });
});

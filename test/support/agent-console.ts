// What the agent console's test files share (not a test file itself): customers over the real
// /chat protocol, mounting and signing in the console, recording its live regions (with the
// language of every piece of what they say), a scripted /agent server for frames at fixed times,
// and a fake clock.
import type { AgentConsoleElement } from '../../demo/agent-console.js';
import { FakeClock } from './fake-clock.js';
import '../../demo/agent-console/define.js';
import type { AgentClientFrame, AgentServerFrame, BoardFrame } from '../../src/agent-protocol.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import type { ChatEvent, ServerFrame } from '../../src/protocol.js';
import { startReferenceServer, stopReferenceServers, waitFor } from './helpers.js';
import { removeAfterTest } from './page.js';

/** The console's clock in tests: the one clock tests move by hand (fake-clock.ts). */
export { FakeClock };

/** A customer over the real /chat protocol. */
export class Customer {
  readonly frames: ServerFrame[] = [];
  readonly #ws: WebSocket;
  #n = 0;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.addEventListener('message', (e) => this.frames.push(JSON.parse(String(e.data)) as ServerFrame));
  }

  static async connect(endpoint: string, lang = 'en'): Promise<Customer> {
    const ws = new WebSocket(endpoint);
    const customer = new Customer(ws);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', reject, { once: true });
    });
    customer.send({ type: 'hello', v: PROTOCOL_VERSION, lang });
    await customer.next('welcome');
    return customer;
  }

  /** Connects and asks for a person; resolves once the customer is in line. */
  static async queued(endpoint: string, lang = 'en'): Promise<Customer> {
    const customer = await Customer.connect(endpoint, lang);
    customer.say(lang === 'es' ? 'Quiero hablar con un agente' : 'I want to talk to an agent');
    await customer.next('queue', (f) => f.waiting);
    return customer;
  }

  send(frame: Record<string, unknown>): void {
    this.#ws.send(JSON.stringify(frame));
  }

  say(text: string): void {
    this.#n += 1;
    this.send({ type: 'message', id: `customer-${Date.now()}-${this.#n}`, text });
  }

  events(): ChatEvent[] {
    return this.frames.flatMap((f) => (f.type === 'event' ? [f.event] : []));
  }

  async next<T extends ServerFrame['type']>(
    type: T,
    test: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ServerFrame, { type: T }>> {
    return waitFor(
      () =>
        this.frames.find(
          (f): f is Extract<ServerFrame, { type: T }> =>
            f.type === type && test(f as Extract<ServerFrame, { type: T }>),
        ),
      `a ${type} frame`,
      6000,
    );
  }

  async event(test: (event: ChatEvent) => boolean, what: string): Promise<ChatEvent> {
    return waitFor(() => this.events().find(test), what, 6000);
  }

  /** Ends the conversation (so it leaves every queue) and disconnects. */
  close(): void {
    if (this.#ws.readyState === WebSocket.OPEN) this.send({ type: 'end' });
    this.#ws.close();
  }
}

/** A piece of what a live region said, and the language it is marked with (nearest `lang`). */
export interface Said {
  text: string;
  lang: string;
}

/** The language a node is marked with: the nearest `lang` up the tree, through shadow roots. */
export function langOf(node: Node): string {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang') ?? '';
  }
  return '';
}

/** Every non-blank text node under `root`, with the language it is marked with. */
export function textsWithLang(root: Node): Said[] {
  const found: Said[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text) found.push({ text, lang: langOf(node) });
  }
  return found;
}

export interface Announcements {
  polite: string[];
  assertive: string[];
  /** Each text the regions held, piece by piece, with its language. */
  pieces: { polite: Said[][]; assertive: Said[][] };
}

/**
 * Every announcement the console's live regions were given: each is a node of its own, added
 * once and never changed (demo/agent-console-announcer.ts), so each added node is one.
 */
export function recordAnnouncements(el: AgentConsoleElement): Announcements {
  const said: Announcements = { polite: [], assertive: [], pieces: { polite: [], assertive: [] } };
  for (const kind of ['polite', 'assertive'] as const) {
    const region = el.querySelector(`[data-announcer="${kind}"]`)!;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
          if (!text) continue;
          said[kind].push(text);
          said.pieces[kind].push(textsWithLang(node));
        }
    }).observe(region, { childList: true });
  }
  return said;
}

export async function loadStyles(): Promise<void> {
  // As demo/agent.html links them, in cascade order.
  const sheets = ['base', 'layout', 'board', 'conversations', 'transcript', 'composer', 'end-dialog'].map(
    (part) => `/demo/agent-console/${part === 'base' ? '' : 'views/'}${part}.css`,
  );
  for (const href of ['/demo/demo.css', ...sheets, '/demo/agent.css']) {
    if (document.querySelector(`link[href="${href}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
    document.head.append(link);
    await loaded;
  }
}

/**
 * The hooks a console suite shares: the console's styles and the page's title and language, a
 * reference server without the simulated agent for the whole suite (its `endpoint`, read inside
 * a test; `options` add to the server's), and the customers a test opened (push them to
 * `customers`) closed after it.
 */
export function consoleSuite(
  title: string,
  options: Parameters<typeof startReferenceServer>[0] = {},
): { readonly endpoint: string; readonly customers: Customer[] } {
  const suite = { endpoint: '', customers: [] as Customer[] };
  before(async () => {
    await loadStyles();
    document.title = title;
    document.documentElement.lang = 'en';
    suite.endpoint = await startReferenceServer({ replyDelay: 5, simulatedAgent: false, ...options });
  });
  afterEach(() => {
    for (const customer of suite.customers.splice(0)) customer.close();
  });
  after(async () => {
    await stopReferenceServers();
  });
  return suite;
}

/**
 * The console in a page like demo/agent.html (a `main` landmark with the `h1`). Not `fixture()`:
 * it waits for an animation frame, and a background tab (files run in parallel) gets none.
 * `setup` runs on the element before it is in the page (a clock, a socket factory, a `lang`).
 */
export async function mount(
  endpoint: string,
  setup: (el: AgentConsoleElement) => void = () => undefined,
): Promise<AgentConsoleElement> {
  const page = document.createElement('main');
  const heading = document.createElement('h1');
  heading.textContent = 'Agent console';
  const el = document.createElement('agent-console');
  el.endpoint = endpoint;
  setup(el);
  page.append(heading, el);
  document.body.append(removeAfterTest(page));
  await el.updateComplete;
  return el;
}

export function $(el: ParentNode, selector: string): HTMLElement | null {
  return el.querySelector<HTMLElement>(selector);
}

export function byText(el: ParentNode, selector: string, text: RegExp): HTMLElement | undefined {
  return [...el.querySelectorAll<HTMLElement>(selector)].find((e) => text.test(e.textContent ?? ''));
}

/** Signs in by setting the fields and clicking (the keyboard journey has its own test). */
export async function signIn(el: AgentConsoleElement, name: string, team = 'general'): Promise<void> {
  ($(el, 'input[name="name"]') as HTMLInputElement).value = name;
  ($(el, 'select[name="team"]') as HTMLSelectElement).value = team;
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  await waitFor(() => /Connected/.test($(el, '.ac-conn')?.textContent ?? ''), 'signed in');
  await waitFor(() => /waiting/i.test($(el, '.ac-panel .ac-hint')?.textContent ?? ''), 'the board');
}

/** The board's cards, one per waiting conversation. */
export function cards(el: AgentConsoleElement): HTMLElement[] {
  return [...el.querySelectorAll<HTMLElement>('.ac-card')];
}

export async function acceptFirst(el: AgentConsoleElement): Promise<void> {
  const button = await waitFor(
    () => $(el, '.ac-card button') as HTMLButtonElement | null,
    'an Accept button',
  );
  const count = el.querySelectorAll('.ac-conv').length;
  button.click();
  await waitFor(() => el.querySelectorAll('.ac-conv').length > count, 'the conversation');
}

export function composer(el: AgentConsoleElement): HTMLTextAreaElement {
  return $(el, '.ac-composer textarea') as HTMLTextAreaElement;
}

export function transcript(el: AgentConsoleElement): string[] {
  return [...el.querySelectorAll('[role="log"] li')].map(
    (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
  );
}

/**
 * A scripted /agent server in the page: the console's socket factory returns its sockets. It
 * welcomes any agent, then sends what the test tells it to (`send`), and keeps what it received.
 */
export class ScriptedAgentServer {
  readonly received: AgentClientFrame[] = [];
  /** Sent after the welcome. */
  board: BoardFrame = { type: 'board', waiting: [], agents: [], simulate: false };
  /** Called with every frame the console sends (after the welcome and board for its hello). */
  onFrame: (frame: AgentClientFrame) => void = () => undefined;
  #socket: ScriptedSocket | undefined;

  /** For the console's `socketFactory`. */
  readonly factory = (url: string): WebSocket => {
    const socket = new ScriptedSocket(url, this);
    this.#socket = socket;
    return socket as unknown as WebSocket;
  };

  receive(frame: AgentClientFrame): void {
    this.received.push(frame);
    if (frame.type === 'agent-hello') {
      this.send({ type: 'agent-welcome', v: PROTOCOL_VERSION, agentId: 'a1' });
      this.send(this.board);
    }
    this.onFrame(frame);
  }

  send(frame: AgentServerFrame): void {
    this.#socket?.deliver(JSON.stringify(frame));
  }

  /** The connection breaks (as when the server stops): the console's socket closes. */
  drop(): void {
    this.#socket?.close();
    this.#socket = undefined;
  }
}

class ScriptedSocket extends EventTarget {
  readyState: number = WebSocket.CONNECTING;
  readonly url: string;
  readonly #server: ScriptedAgentServer;

  constructor(url: string, server: ScriptedAgentServer) {
    super();
    this.url = url;
    this.#server = server;
    queueMicrotask(() => {
      this.readyState = WebSocket.OPEN;
      this.dispatchEvent(new Event('open'));
    });
  }

  send(data: string): void {
    this.#server.receive(JSON.parse(data) as AgentClientFrame);
  }

  /** Delivered after the current task's microtasks, in order, as a socket would (never re-entrant). */
  deliver(data: string): void {
    queueMicrotask(() => {
      if (this.readyState === WebSocket.OPEN) this.dispatchEvent(new MessageEvent('message', { data }));
    });
  }

  close(): void {
    if (this.readyState === WebSocket.CLOSED) return;
    this.readyState = WebSocket.CLOSED;
    this.dispatchEvent(new CloseEvent('close', { code: 1000 }));
  }
}

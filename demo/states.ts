/**
 * The states gallery (demo/states.html): every state of <amex-chat>, each a live element in the
 * page's flow (`position="inline"`) playing a scripted conversation (demo/fixtures/) instead of
 * talking to a server. English by default, Spanish with `?lang=es`.
 *
 * For screenshots (scripts/screenshots.ts): `?state=<id>` shows that example alone, `?theme=dark`
 * (or `light`, `auto`) sets its theme, and `?position=bottom-end` (or `bottom-start`) floats it
 * over the page as a host page has it, the panel filling a phone's screen.
 */
import { html, render } from 'lit';
import type { AmexChatElement } from '../src/index.js';
import { scriptedFactory } from './fixtures/scripted-transport.js';
import { galleryUploadSend, playUpload } from './fixtures/upload-gallery.js';
import { DocumentUpload } from '../src/components/document-upload/document-upload.js';
import {
  STATE_IDS,
  URGENT_PHONE,
  failedMessage,
  fixtureFor,
  needsWarningNote,
  sensitiveDraft,
  tooLongDraft,
} from './fixtures/states.js';
import type { Lang, StateId } from './fixtures/states.js';
import { STATE_TEXTS } from './fixtures/state-texts.js';
import type { ByLang } from './fixtures/state-texts.js';

const query = new URLSearchParams(location.search);
const requested = query.get('lang') ?? '';
const lang: Lang = requested.toLowerCase().startsWith('es') ? 'es' : 'en';
/** `?theme=`, `?position=` and `?state=` (see above); anything else is ignored. */
const theme = ['light', 'dark', 'auto'].find((value) => value === query.get('theme'));
const position = ['bottom-end', 'bottom-start'].find((value) => value === query.get('position')) ?? 'inline';
const shown = STATE_IDS.filter((id) => !query.has('state') || id === query.get('state'));

const PAGE = {
  title: {
    en: 'Every state of the chat – amex-chat demo',
    es: 'Todos los estados del chat – demo de amex-chat',
  },
  skip: { en: 'Skip to main content', es: 'Saltar al contenido principal' },
  navLabel: { en: 'Demo pages', es: 'Páginas de demostración' },
  overview: { en: 'Account overview', es: 'Resumen de la cuenta' },
  overviewHref: { en: './index.html', es: './es.html' },
  agentConsole: { en: 'Agent console', es: 'Consola de agentes (en inglés)' },
  gallery: { en: 'States gallery', es: 'Galería de estados' },
  footer: {
    en: 'A fictional demo for the amex-chat component. Nothing on this page connects to a server.',
    es: 'Una demostración ficticia del componente amex-chat. Nada en esta página se conecta a un servidor.',
  },
  h1: { en: 'Every state of the chat', es: 'Todos los estados del chat' },
  intro: {
    en: 'Each example is a real chat widget playing a scripted conversation inside this page: no server, nothing leaves the browser. They work: type, press the buttons, open and close them.',
    es: 'Cada ejemplo es un widget de chat real que reproduce una conversación preparada dentro de esta página: sin servidor, nada sale del navegador. Funcionan: escriba, pulse los botones, ábralos y ciérrelos.',
  },
  note: {
    en: 'The cardmember, the agents and every conversation are fictional.',
    es: 'El tarjetahabiente, los agentes y todas las conversaciones son ficticios.',
  },
  keepTimed: {
    en: 'Start the timed examples (Connecting, Session timeout warning) over before they run out',
    es: 'Volver a empezar los ejemplos con tiempo (Conectando, Aviso de inactividad) antes de que se agoten',
  },
  toc: { en: 'States', es: 'Estados' },
  restart: { en: 'Start again', es: 'Empezar de nuevo' },
} satisfies Record<string, ByLang>;

/**
 * Examples that change by themselves after a while, and when to start them over: a connection
 * attempt that never opens is given up after 25 s, and the inactivity warning ends the chat 21 s
 * after the start.
 */
const TIMED: Partial<Record<StateId, number>> = { connecting: 20_000, 'idle-warning': 18_000 };

// ---- the page's own texts ----------------------------------------------------------------

function localizePage(): void {
  document.documentElement.lang = lang;
  document.title = PAGE.title[lang];
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = node.dataset['text'] as keyof typeof PAGE;
    node.textContent = PAGE[key][lang];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) {
    const key = node.dataset['label'] as keyof typeof PAGE;
    node.setAttribute('aria-label', PAGE[key][lang]);
  }
  for (const node of document.querySelectorAll<HTMLAnchorElement>('[data-href]')) {
    const key = node.dataset['href'] as keyof typeof PAGE;
    node.href = PAGE[key][lang];
  }
  const other: Lang = lang === 'es' ? 'en' : 'es';
  const switcher = document.querySelector<HTMLAnchorElement>('#language-switch');
  if (switcher) {
    switcher.href = `./states.html?lang=${other}`;
    switcher.hreflang = other;
    switcher.lang = other;
    switcher.textContent = other === 'es' ? 'Español' : 'English';
  }
  if (lang === 'es')
    document.querySelector('[aria-current="page"]')?.setAttribute('href', './states.html?lang=es');
  const alternate = document.querySelector<HTMLLinkElement>('link[rel="alternate"]');
  if (alternate) {
    alternate.hreflang = other;
    alternate.href = `./states.html?lang=${other}`;
  }
}

function renderPage(main: HTMLElement): void {
  const keepTimed = (event: Event): void => {
    timedOn = (event.currentTarget as HTMLInputElement).checked;
  };
  render(
    html`
      <div class="page-intro">
        <h1>${PAGE.h1[lang]}</h1>
        <p class="page-intro__welcome">${PAGE.intro[lang]}</p>
        <p class="demo-note">${PAGE.note[lang]}</p>
        <p class="states-option">
          <input type="checkbox" id="keep-timed" checked @change=${keepTimed} />
          <label for="keep-timed">${PAGE.keepTimed[lang]}</label>
        </p>
      </div>
      <nav class="panel states-toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">${PAGE.toc[lang]}</h2>
        <ol>
          ${shown.map((id) => html`<li><a href="#state-${id}">${STATE_TEXTS[id].title[lang]}</a></li>`)}
        </ol>
      </nav>
      <div class="states">
        ${shown.map(
          (id) => html`
            <section
              class="panel state"
              id="state-${id}"
              data-state=${id}
              aria-labelledby="state-${id}-heading"
            >
              <h2 id="state-${id}-heading">
                <span class="state__number">${STATE_IDS.indexOf(id) + 1}.</span>
                ${STATE_TEXTS[id].title[lang]}
              </h2>
              <p class="state__description">${STATE_TEXTS[id].description[lang]}</p>
              <div class="state__frame"></div>
              <button type="button" class="state__restart" @click=${() => mount(id)}>
                ${PAGE.restart[lang]}<span class="visually-hidden">: ${STATE_TEXTS[id].title[lang]}</span>
              </button>
            </section>
          `,
        )}
      </div>
    `,
    main,
  );
}

// ---- the examples -------------------------------------------------------------------------

let timedOn = true;
const restartTimers = new Map<StateId, ReturnType<typeof setTimeout>>();

/** A chat element for one state, ready to be put in the page (it starts when connected). */
function createChat(id: StateId): AmexChatElement {
  const el = document.createElement('amex-chat');
  el.setAttribute('endpoint', 'ws://gallery.invalid/chat');
  el.setAttribute('position', position);
  if (theme) el.setAttribute('theme', theme);
  el.setAttribute('persist', 'none');
  el.setAttribute('lang', lang);
  // Only the timeout example counts inactivity: the others stay as they are however long they show.
  el.setAttribute('idle-timeout', id === 'idle-warning' ? '21' : '0');
  if (id === 'urgent') el.setAttribute('urgent-phone', URGENT_PHONE);
  if (id === 'notify-offer') el.setAttribute('notify', '');
  if (id === 'accommodations') el.setAttribute('accommodations', 'more-time written-summary');
  el.transportFactory = scriptedFactory(fixtureFor(id, lang));
  el.setAttribute('open', '');
  return el;
}

/** Puts a fresh example of `id` in its frame (replacing the one there) and plays it. */
function mount(id: StateId): void {
  const frame = document.querySelector<HTMLElement>(`#state-${id} .state__frame`);
  if (!frame) return;
  clearTimeout(restartTimers.get(id));
  const el = createChat(id);
  frame.replaceChildren(el);
  play(id, el).catch((error: unknown) => console.error(`states gallery: ${id} did not play`, error));
  const after = TIMED[id];
  if (after !== undefined) scheduleRestart(id, after);
}

/** Starts a timed example over, unless it is switched off or someone is using this one. */
function scheduleRestart(id: StateId, after: number): void {
  restartTimers.set(
    id,
    setTimeout(() => {
      const section = document.querySelector(`#state-${id}`);
      if (timedOn && !section?.matches(':focus-within')) mount(id);
      else scheduleRestart(id, 2000);
    }, after),
  );
}

/** What the page does with an example after it starts, to bring it into its state. */
async function play(id: StateId, el: AmexChatElement): Promise<void> {
  switch (id) {
    case 'unread':
      // Open (that connects), read the first three messages, then close the panel.
      await messages(el, 3);
      await el.hide();
      break;
    case 'failed':
      await messages(el, 1);
      await el.send(failedMessage(lang));
      break;
    case 'sensitive':
      await messages(el, 3);
      typeDraft(el, sensitiveDraft(lang));
      break;
    case 'too-long':
      await messages(el, 3);
      typeDraft(el, tooLongDraft(lang));
      break;
    case 'accommodations':
      await messages(el, 1);
      el.shadowRoot?.querySelector<HTMLButtonElement>('#needs-toggle')?.click();
      break;
    case 'accommodations-warning':
      await messages(el, 1);
      el.shadowRoot?.querySelector<HTMLButtonElement>('#needs-toggle')?.click();
      await until(el, () => !!el.shadowRoot?.querySelector('#needs-note'));
      typeDraft(el, needsWarningNote(lang), '#needs-note');
      break;
    case 'accommodations-refused': {
      // The form opened and "More time" ticked; saved once the connection is lost.
      const root = el.shadowRoot;
      await messages(el, 1);
      root?.querySelector<HTMLButtonElement>('#needs-toggle')?.click();
      await until(el, () => !!root?.querySelector('#need-more-time'));
      root?.querySelector<HTMLInputElement>('#need-more-time')?.click();
      await until(el, () => !!root?.querySelector('.notice'));
      root?.querySelector<HTMLButtonElement>('#needs-save')?.click();
      break;
    }
    case 'upload-progress':
    case 'upload-error':
    case 'upload-done':
      await playUpload(el, id, (check) => until(el, check));
      break;
    case 'ended':
      await until(el, () => !!el.shadowRoot?.querySelector('[part="ended"]'));
      // (A floating example shows what the widget itself scrolls to: see showEnding.)
      if (position === 'inline') showEnding(el);
      break;
    default:
      break;
  }
}

/** Resolves once the transcript shows at least `count` messages. */
async function messages(el: AmexChatElement, count: number): Promise<void> {
  await until(el, () => (el.shadowRoot?.querySelectorAll('#transcript .message').length ?? 0) >= count);
}

/** Resolves once `check` holds (gives up after 10 s, or when the example was replaced). */
async function until(el: AmexChatElement, check: () => boolean): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > 10_000 || !el.isConnected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Scrolls the transcript (not the page) to the "Chat ended" section, which starts with the
 * reference number. (The widget shows the section down to its rating where the whole section does
 * not fit; the gallery's examples are shorter than a panel, and show the reference number first.)
 */
function showEnding(el: AmexChatElement): void {
  const transcript = el.shadowRoot?.querySelector('#transcript');
  const ending = el.shadowRoot?.querySelector('[part="ended"]');
  if (!transcript || !ending) return;
  transcript.scrollTop += ending.getBoundingClientRect().top - transcript.getBoundingClientRect().top;
}

/** Puts a draft in the message box (or the text field `selector`) as if typed, without moving focus there. */
function typeDraft(el: AmexChatElement, text: string, selector = '#input'): void {
  const input = el.shadowRoot?.querySelector<HTMLTextAreaElement>(selector);
  if (!input) return;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function start(): Promise<void> {
  // The upload examples' network stays in the page (fixtures/upload-gallery.ts).
  DocumentUpload.send = galleryUploadSend;
  localizePage();
  const main = document.querySelector<HTMLElement>('#main');
  if (!main) return;
  renderPage(main);
  await customElements.whenDefined('amex-chat');
  for (const id of shown) mount(id);
  // A link to one state (states.html#state-queued): its section did not exist at load. At once,
  // not smoothly: a smooth scroll needs animation frames, which a background tab does not get.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  target?.scrollIntoView({ behavior: 'instant' });
}

start().catch((error: unknown) => console.error('states gallery: could not start', error));

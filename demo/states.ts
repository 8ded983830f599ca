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
  sensitiveDraft,
  tooLongDraft,
} from './fixtures/states.js';
import type { Lang, StateId } from './fixtures/states.js';

const query = new URLSearchParams(location.search);
const requested = query.get('lang') ?? '';
const lang: Lang = requested.toLowerCase().startsWith('es') ? 'es' : 'en';
/** `?theme=`, `?position=` and `?state=` (see above); anything else is ignored. */
const theme = ['light', 'dark', 'auto'].find((value) => value === query.get('theme'));
const position = ['bottom-end', 'bottom-start'].find((value) => value === query.get('position')) ?? 'inline';
const shown = STATE_IDS.filter((id) => !query.has('state') || id === query.get('state'));

type ByLang = Record<Lang, string>;

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

const STATES: Record<StateId, { title: ByLang; description: ByLang }> = {
  unread: {
    title: { en: 'Closed, with unread messages', es: 'Cerrado, con mensajes sin leer' },
    description: {
      en: 'The customer closed the panel while waiting; an agent joined since, so the launcher counts 2 new messages (and says so to screen readers).',
      es: 'El cliente cerró el panel mientras esperaba; desde entonces se unió un agente, así que el botón cuenta 2 mensajes nuevos (y lo dice a los lectores de pantalla).',
    },
  },
  connecting: {
    title: { en: 'Connecting', es: 'Conectando' },
    description: {
      en: 'The first connection has not opened yet; anything typed waits and is sent once connected. This example starts over every 20 seconds.',
      es: 'La primera conexión aún no se ha abierto; lo que se escriba espera y se envía al conectar. Este ejemplo vuelve a empezar cada 20 segundos.',
    },
  },
  assistant: {
    title: { en: 'Virtual assistant with quick replies', es: 'Asistente virtual con respuestas rápidas' },
    description: {
      en: "The assistant greets the customer and offers the common tasks as buttons; a quick reply is sent as the customer's message.",
      es: 'El asistente saluda al cliente y ofrece las gestiones habituales como botones; una respuesta rápida se envía como mensaje del cliente.',
    },
  },
  queued: {
    title: { en: 'In line for an agent', es: 'En la fila para un agente' },
    description: {
      en: 'The place in line and the estimated wait show under the header, with Leave the line; the assistant keeps helping meanwhile.',
      es: 'El lugar en la fila y la espera estimada aparecen bajo el encabezado, con Salir de la fila; mientras tanto el asistente sigue ayudando.',
    },
  },
  'agent-joined': {
    title: { en: 'Agent joined', es: 'Se unió un agente' },
    description: {
      en: 'A notice says who took the chat; the agent\'s messages read "Maria, live agent", and End chat appears in the header.',
      es: 'Un aviso dice quién atiende el chat; los mensajes del agente dicen "Maria, agente", y aparece Terminar chat en el encabezado.',
    },
  },
  'agent-typing': {
    title: { en: 'Agent typing', es: 'El agente está escribiendo' },
    description: {
      en: '"Maria is typing…" shows at once; screen readers hear it only when the typing lasts 2 seconds.',
      es: '"Maria está escribiendo…" aparece al instante; los lectores de pantalla lo oyen solo si dura 2 segundos.',
    },
  },
  transferred: {
    title: { en: 'Transferred to another team', es: 'Transferido a otro equipo' },
    description: {
      en: 'The agent hands the chat to the disputes team: a notice, and the customer is back in line for that team.',
      es: 'El agente pasa el chat al equipo de disputas: un aviso, y el cliente vuelve a la fila de ese equipo.',
    },
  },
  reconnecting: {
    title: { en: 'Connection lost, reconnecting', es: 'Conexión perdida, reconectando' },
    description: {
      en: 'The connection dropped: a calm notice while the widget retries; messages typed meanwhile are sent when it is back.',
      es: 'Se cortó la conexión: un aviso tranquilo mientras el widget lo reintenta; lo que se escriba entretanto se envía al volver.',
    },
  },
  failed: {
    title: { en: 'Message not sent, with Retry', es: 'Mensaje no enviado, con Reintentar' },
    description: {
      en: 'The server refused a message (too many at once): it is marked "Not sent." with a Retry button, and an error says so.',
      es: 'El servidor rechazó un mensaje (demasiados a la vez): queda marcado "No enviado." con un botón Reintentar, y un error lo indica.',
    },
  },
  sensitive: {
    title: { en: 'Sensitive data while typing', es: 'Datos sensibles al escribir' },
    description: {
      en: 'The draft holds a full card number: it is highlighted, and a warning says it will be removed before sending.',
      es: 'El borrador contiene un número de tarjeta completo: se resalta, y un aviso dice que se eliminará antes de enviarlo.',
    },
  },
  'too-long': {
    title: { en: 'Message too long', es: 'Mensaje demasiado largo' },
    description: {
      en: 'The draft is 2,050 characters, over the 2,000 limit: a live error says by how much.',
      es: 'El borrador tiene 2050 caracteres, más del límite de 2000: un error en vivo dice cuánto sobra.',
    },
  },
  'idle-warning': {
    title: { en: 'Session timeout warning', es: 'Aviso de inactividad' },
    description: {
      en: 'Before an inactive chat ends, "Are you still there?" with Continue chat, at least 20 seconds ahead. Here the timeout is 21 seconds; the example starts over every 18 seconds.',
      es: 'Antes de que termine un chat inactivo, "¿Sigue ahí?" con Continuar el chat, al menos 20 segundos antes. Aquí el límite es de 21 segundos; el ejemplo vuelve a empezar cada 18 segundos.',
    },
  },
  'notify-offer': {
    title: { en: 'Offer of notifications', es: 'Oferta de notificaciones' },
    description: {
      en: 'With the notify attribute, a strip above the message box offers a notification for replies that arrive while the tab is in the background. Only its button asks the browser. Hidden once this site may, or may not, show notifications.',
      es: 'Con el atributo notify, una franja sobre el cuadro de mensaje ofrece una notificación para las respuestas que lleguen mientras la pestaña está en segundo plano. Solo su botón pregunta al navegador. Se oculta cuando este sitio ya tiene permiso, o lo tiene denegado.',
    },
  },
  accommodations: {
    title: { en: 'Tell us what you need', es: 'Díganos qué necesita' },
    description: {
      en: 'From the start of a chat, "Your needs" by the message box opens one form, "Tell us what you need": four needs and "Other" (checked and redacted like a message). Here the host page\'s accommodations attribute pre-ticked more time and a written summary; nothing is sent until Save. The agent sees them on the board and in the chat\'s header.',
      es: 'Desde el inicio del chat, "Sus necesidades" junto al cuadro de mensaje abre un solo formulario, "Díganos qué necesita": cuatro necesidades y "Otra" (revisada y protegida como un mensaje). Aquí el atributo accommodations de la página marcó más tiempo y un resumen por escrito; no se envía nada hasta Guardar. El agente las ve en el tablero y en el encabezado del chat.',
    },
  },
  'verify-choose': {
    title: { en: 'Identity check: choose how', es: 'Verificación de identidad: elegir cómo' },
    description: {
      en: 'The agent asked to confirm who the customer is. A strip outside the transcript offers a prompt on the phone where they are signed in, or a one-time code, and says when the request expires.',
      es: 'El agente pidió confirmar quién es el cliente. Una franja fuera de la transcripción ofrece una notificación en el teléfono donde tiene la sesión iniciada, o un código de un solo uso, y dice cuándo vence la solicitud.',
    },
  },
  'verify-code': {
    title: { en: 'Identity check: the code', es: 'Verificación de identidad: el código' },
    description: {
      en: 'A code was sent to the phone. It goes in its own field (never in the chat), which the browser can fill from a text message.',
      es: 'Se envió un código al teléfono. Se escribe en su propio campo (nunca en el chat), que el navegador puede completar desde un mensaje de texto.',
    },
  },
  'verify-error': {
    title: { en: 'Identity check: wrong code', es: 'Verificación de identidad: código incorrecto' },
    description: {
      en: 'The code typed was not right: the error says how many tries are left, and is said once.',
      es: 'El código escrito no era correcto: el error dice cuántos intentos quedan, y se anuncia una vez.',
    },
  },
  verified: {
    title: { en: 'Identity confirmed', es: 'Identidad confirmada' },
    description: {
      en: 'The check succeeded. The agent sees only "Verified by code" (or by push); never the code.',
      es: 'La verificación se completó. El agente solo ve "Verificado con código" (o con notificación); nunca el código.',
    },
  },
  'upload-request': {
    title: { en: 'Documents requested', es: 'Documentos solicitados' },
    description: {
      en: 'An agent asked for documents: a strip above the message box, outside the transcript, says what is needed and the limits, with Choose files (or drop them on the strip), Send documents and Not now.',
      es: 'Un agente pidió documentos: una franja sobre el cuadro de mensaje, fuera de la transcripción, dice qué se necesita y los límites, con Elegir archivos (o soltarlos en la franja), Enviar documentos y Ahora no.',
    },
  },
  'upload-progress': {
    title: { en: 'Documents on their way', es: 'Documentos en camino' },
    description: {
      en: 'Each file has a progress bar named after it and its own Cancel. Here the first file stops at 40 %: nothing on this page is really sent.',
      es: 'Cada archivo tiene una barra de progreso con su nombre y su propio botón Cancelar. Aquí el primer archivo se detiene en el 40 %: nada de esta página se envía de verdad.',
    },
  },
  'upload-error': {
    title: { en: 'Documents refused before sending', es: 'Documentos rechazados antes del envío' },
    description: {
      en: 'A file of another type and a file over 10 MB are refused at once, and the refusals are said; the allowed file stays in the list.',
      es: 'Un archivo de otro tipo y uno de más de 10 MB se rechazan enseguida, y el rechazo se anuncia; el archivo permitido queda en la lista.',
    },
  },
  'upload-done': {
    title: { en: 'Documents sent', es: 'Documentos enviados' },
    description: {
      en: 'Both files arrived: the strip says so with Close, and the transcript says what was sent (file names are masked there like messages).',
      es: 'Los dos archivos llegaron: la franja lo dice con Cerrar, y la transcripción dice qué se envió (los nombres de archivo se protegen como los mensajes).',
    },
  },
  ended: {
    title: { en: 'Chat ended', es: 'Chat terminado' },
    description: {
      en: 'The reference number, a summary of what was agreed, the transcript to download or print, and a 1–5 rating.',
      es: 'El número de referencia, un resumen de lo acordado, la transcripción para descargar o imprimir, y una calificación del 1 al 5.',
    },
  },
  urgent: {
    title: { en: 'Urgent fraud: call now', es: 'Fraude urgente: llamar ahora' },
    description: {
      en: "Fraud happening now: the assistant gives the phone route first, and the widget adds a call link to the host's number.",
      es: 'Fraude en curso: el asistente da primero la vía telefónica, y el widget agrega un enlace para llamar al número del sitio.',
    },
  },
};

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
          ${shown.map((id) => html`<li><a href="#state-${id}">${STATES[id].title[lang]}</a></li>`)}
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
                <span class="state__number">${STATE_IDS.indexOf(id) + 1}.</span> ${STATES[id].title[lang]}
              </h2>
              <p class="state__description">${STATES[id].description[lang]}</p>
              <div class="state__frame"></div>
              <button type="button" class="state__restart" @click=${() => mount(id)}>
                ${PAGE.restart[lang]}<span class="visually-hidden">: ${STATES[id].title[lang]}</span>
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

/** Puts a draft in the message box as if typed (without moving focus there). */
function typeDraft(el: AmexChatElement, text: string): void {
  const input = el.shadowRoot?.querySelector('textarea');
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

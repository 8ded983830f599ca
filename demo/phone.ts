/**
 * The demo page's simulated phone: the cardmember's signed-in device, on which an identity check
 * (protocol 1.5) puts a prompt to approve or deny, or shows a one-time code. A stand-in for the
 * bank's push service and text messages: it follows the reference server's demo device
 * (`GET /demo/device?account=`, an event stream; `POST /demo/device/answer`), which only the demo
 * and development configuration has (`npm start`, or the server's `--demo-device`). See
 * server/verification/device.ts and docs/security.md.
 */
import type {} from '../src/index.js'; // types only: brings `'amex-chat'` into HTMLElementTagNameMap

const TEXT = {
  en: {
    waiting: 'No prompt yet. When the agent asks to confirm your identity, it shows here.',
    offline: 'Not connected. The simulated phone needs the demo server (npm start).',
    prompt: 'Customer Care wants to confirm it is you, for the chat on this site.',
    approve: 'Approve',
    deny: 'Deny',
    approved: 'You approved the request.',
    denied: 'You denied the request.',
    stale: 'This request is no longer valid.',
    code: 'Your one-time code:',
    codeNote: 'Type it in the chat’s code field. We will never ask for it in the chat.',
  },
  es: {
    waiting: 'Todavía no hay solicitudes. Cuando el agente pida confirmar su identidad, aparecerá aquí.',
    offline: 'Sin conexión. El teléfono simulado necesita el servidor de la demo (npm start).',
    prompt: 'Atención al Cliente quiere confirmar que es usted, para el chat de este sitio.',
    approve: 'Aprobar',
    deny: 'Rechazar',
    approved: 'Aprobó la solicitud.',
    denied: 'Rechazó la solicitud.',
    stale: 'Esta solicitud ya no es válida.',
    code: 'Su código de un solo uso:',
    codeNote: 'Escríbalo en el campo del código del chat. Nunca se lo pediremos en el chat.',
  },
};

type Message =
  | { kind: 'push'; conversationId: string; prompt: string; lang: string }
  | { kind: 'code'; code: string; lang: string };

/** The reference server's HTTP origin, from the chat's endpoint (ws → http). */
function serverOrigin(endpoint: string): string | undefined {
  try {
    const url = new URL(endpoint);
    url.protocol = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:';
    return url.origin;
  } catch {
    return undefined;
  }
}

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function follow(screen: HTMLElement, origin: string, account: string): void {
  const t = document.documentElement.lang.startsWith('es') ? TEXT.es : TEXT.en;
  const show = (...nodes: Node[]): void => screen.replaceChildren(...nodes);
  show(paragraph(t.waiting));
  const source = new EventSource(`${origin}/demo/device?account=${encodeURIComponent(account)}`);
  source.addEventListener('open', () => show(paragraph(t.waiting)));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) show(paragraph(t.offline));
  });
  source.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as Message;
    if (message.kind === 'code') {
      const code = paragraph('', 'phone__code');
      code.append(
        `${t.code} `,
        Object.assign(document.createElement('strong'), { textContent: message.code }),
      );
      show(code, paragraph(t.codeNote));
      return;
    }
    const answer = async (approve: boolean): Promise<void> => {
      const res = await fetch(`${origin}/demo/device/answer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversationId: message.conversationId, prompt: message.prompt, approve }),
      });
      show(paragraph(res.ok ? (approve ? t.approved : t.denied) : t.stale));
    };
    const button = (label: string, approve: boolean, className: string): HTMLButtonElement => {
      const b = Object.assign(document.createElement('button'), {
        type: 'button',
        textContent: label,
        className,
      });
      b.addEventListener('click', () => void answer(approve).catch(() => show(paragraph(t.offline))));
      return b;
    };
    const actions = document.createElement('div');
    actions.className = 'phone__actions';
    actions.append(button(t.approve, true, 'phone__approve'), button(t.deny, false, 'phone__deny'));
    show(paragraph(t.prompt), actions);
  });
}

const screen = document.querySelector<HTMLElement>('[data-phone-screen]');
const chat = document.querySelector('amex-chat');
const origin = serverOrigin(chat?.getAttribute('endpoint') ?? '');
const account = chat?.getAttribute('account');
if (screen && origin && account) follow(screen, origin, account);

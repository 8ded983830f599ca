import type { Role } from '../protocol.js';

export type Locale = 'en' | 'es';

export interface Strings {
  launcher: string;
  /** Launcher name with unread messages, e.g. "Chat, 2 new messages". */
  launcherUnread: (count: number) => string;
  heading: string;
  close: string;
  conversation: string;
  composerLabel: string;
  composerPlaceholder: string;
  composerHint: string;
  send: string;
  you: string;
  roles: Record<Role, string>;
  /** Screen-reader prefix of an incoming message: "Maria, live agent". */
  senderPrefix: (name: string, role: Role) => string;
  sending: string;
  sent: string;
  failed: string;
  retry: string;
  typing: (name: string) => string;
  connecting: string;
  connected: string;
  reconnecting: string;
  unreachable: string;
  offline: string;
  restarted: string;
  errorEmpty: string;
  errorTooLong: (max: number) => string;
  errorClosed: string;
  errorServer: string;
  errorEndpoint: string;
  /** The panel's module (a file next to the script) could not be loaded. */
  errorLoad: string;
  errorAuth: string;
  /** In the transcript: a malformed frame from the server was dropped (issue 22). */
  errorInvalidFrame: string;
  errorOutboxFull: string;
  /** Shown when `redaction="block"` stopped a message; lists what to remove. */
  errorBlocked: (what: string) => string;
  /** Live warning while typing; `what` names the kinds ("a card number"). */
  warning: (what: string) => string;
  warningMasked: string;
  kinds: Record<'card' | 'cvv' | 'ssn' | 'otp' | 'password', string>;
  and: string;
  /** "You're number 2 in line." */
  queuePosition: (position: number) => string;
  /** "Estimated wait: about 4 minutes." */
  queueWait: (seconds: number) => string;
  leaveQueue: string;
  endChat: string;
  endConfirm: string;
  endConfirmYes: string;
  keepChatting: string;
  endedHeading: string;
  referenceNumber: string;
  summary: string;
  downloadTranscript: string;
  printTranscript: string;
  /** Title of the transcript file and print view. */
  transcriptTitle: string;
  /** "Saved on 25 November 2026, 14:05" line of the transcript. */
  transcriptSaved: (when: string) => string;
  popupBlocked: string;
  ratingLegend: string;
  /** Names of the scores 1–5. */
  ratingLabels: readonly [string, string, string, string, string];
  ratingSubmit: string;
  ratingThanks: string;
  ratingMissing: string;
  /** Inactivity warning with the time left: "Are you still there? …". */
  idleWarning: (seconds: number) => string;
  idleContinue: string;
  idleEnded: string;
  /** Live while typing: the draft is `over` characters longer than `max`. */
  tooLong: (over: number, max: number) => string;
  /** The urgent call link: "Call us now: 1-800-…". */
  callUrgent: (phone: string) => string;
  /**
   * A message's local time of day as `Intl.DateTimeFormat(locale, { hour: 'numeric', minute:
   * '2-digit' })` writes it in Chromium ("3:07 PM", "15:07"), but written here: building the
   * first such format in a page costs ~37 ms (ICU's data), which opening the panel paid.
   */
  time: (at: Date) => string;
}

/** "2 minutes", "30 seconds". */
function duration(seconds: number, es: boolean): string {
  if (seconds >= 60) {
    const m = Math.round(seconds / 60);
    return es ? `${m} ${m === 1 ? 'minuto' : 'minutos'}` : `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const s = Math.max(1, Math.round(seconds));
  return es ? `${s} ${s === 1 ? 'segundo' : 'segundos'}` : `${s} ${s === 1 ? 'second' : 'seconds'}`;
}

/**
 * A whole number ≥ 0 as `Intl.NumberFormat` writes it ("2,000"; Spanish "2000", "12.345": groups
 * only from five digits), without one: a page's first NumberFormat takes 20–36 ms here (measured
 * in fresh pages), which the first key press over the length limit paid.
 */
export const num = (n: number, locale: Locale): string =>
  locale === 'es'
    ? n < 1e4
      ? `${n}`
      : `${n}`.replace(/\B(?=(\d{3})+$)/g, '.')
    : `${n}`.replace(/\B(?=(\d{3})+$)/g, ',');

/** Whole minutes, at least one, for a wait in seconds. */
function minutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** "Maria, live agent"; just "Virtual assistant" when the name already says the role. */
function prefix(t: Strings, name: string, role: Role, notice: string): string {
  if (role === 'system') return notice;
  if (role === 'customer') return t.you;
  const roleName = t.roles[role];
  return !name || name.toLowerCase() === roleName.toLowerCase()
    ? capitalize(roleName)
    : `${name}, ${roleName}`;
}

const minutesOf = (at: Date): string => String(at.getMinutes()).padStart(2, '0');

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const en: Strings = {
  launcher: 'Chat with us',
  launcherUnread: (n) => `Chat with us, ${n} new ${n === 1 ? 'message' : 'messages'}`,
  heading: 'Customer Care',
  close: 'Close chat',
  conversation: 'Conversation',
  composerLabel: 'Type your message',
  composerPlaceholder: 'Ask us anything',
  composerHint: 'Enter sends, Shift+Enter adds a line.',
  send: 'Send',
  you: 'You',
  roles: { customer: 'you', assistant: 'virtual assistant', agent: 'live agent', system: 'notice' },
  senderPrefix: (name, role) => prefix(en, name, role, 'Notice'),
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent.',
  retry: 'Retry',
  typing: (name) => `${name} is typing…`,
  connecting: 'Connecting…',
  connected: 'Connected.',
  reconnecting: 'Connection lost. Reconnecting…',
  unreachable: "We can't reach Customer Care right now. Trying again…",
  offline: "You're offline. We'll send your messages when you're back.",
  restarted:
    'We could not restore the earlier part of this chat, so a new conversation has started. Messages that had not been sent yet were sent now.',
  errorEmpty: 'Type a message before sending.',
  errorTooLong: (max) => `Your message is too long. Shorten it to ${max} characters or fewer.`,
  errorClosed: 'This chat has ended. Your message was not sent.',
  errorServer: 'The message could not be sent. You can retry.',
  errorEndpoint: 'Chat is not available right now.',
  errorLoad: 'The chat could not load. Check your connection and try again, or reload the page.',
  errorAuth: "We couldn't verify your session. Sign in again to chat with us.",
  errorInvalidFrame: 'Part of this conversation could not be shown.',
  errorOutboxFull:
    'Too many messages are waiting to be sent. Your message is kept here; send it when you are back online.',
  errorBlocked: (what) => `Not sent: remove ${what} first. For your security, never share it in chat.`,
  warning: (what) =>
    `Warning: your message contains ${what}. For your security it will be removed before sending.`,
  warningMasked: 'Some details were removed from your message for your security.',
  kinds: {
    card: 'a card number',
    cvv: 'a security code',
    ssn: 'a Social Security number',
    otp: 'a one-time code or PIN',
    password: 'a password',
  },
  and: 'and',
  queuePosition: (p) =>
    p === 1 ? "You're next in line for an agent." : `You're number ${p} in line for an agent.`,
  queueWait: (s) =>
    s < 60
      ? 'Estimated wait: less than a minute.'
      : minutes(s) === 1
        ? 'Estimated wait: about a minute.'
        : `Estimated wait: about ${minutes(s)} minutes.`,
  leaveQueue: 'Leave the line',
  endChat: 'End chat',
  endConfirm: "End this chat? You'll get a reference number and a summary.",
  endConfirmYes: 'Yes, end chat',
  keepChatting: 'Keep chatting',
  endedHeading: 'Chat ended',
  referenceNumber: 'Reference number',
  summary: 'Summary',
  downloadTranscript: 'Download transcript',
  printTranscript: 'Print transcript',
  transcriptTitle: 'Customer Care chat transcript',
  transcriptSaved: (when) => `Saved ${when}`,
  popupBlocked: 'The print view could not open. Allow pop-ups for this site, or download the transcript.',
  ratingLegend: 'How was this chat?',
  ratingLabels: ['1, poor', '2, fair', '3, good', '4, very good', '5, excellent'],
  ratingSubmit: 'Send rating',
  ratingThanks: 'Thank you for rating this chat.',
  ratingMissing: 'Choose a rating from 1 to 5 first.',
  idleWarning: (s) =>
    `Are you still there? This chat will end in ${duration(s, false)} because there has been no activity.`,
  idleContinue: 'Continue chat',
  idleEnded: 'This chat ended because there was no activity for a while.',
  tooLong: (over, max) =>
    `Your message is ${num(over, 'en')} ${over === 1 ? 'character' : 'characters'} too long. Shorten it to ${num(max, 'en')} characters or fewer.`,
  callUrgent: (phone) => `Call us now: ${phone}`,
  time: (at) => `${at.getHours() % 12 || 12}:${minutesOf(at)} ${at.getHours() < 12 ? 'AM' : 'PM'}`,
};

const es: Strings = {
  launcher: 'Chatea con nosotros',
  launcherUnread: (n) => `Chatea con nosotros, ${n} ${n === 1 ? 'mensaje nuevo' : 'mensajes nuevos'}`,
  heading: 'Atención al cliente',
  close: 'Cerrar chat',
  conversation: 'Conversación',
  composerLabel: 'Escribe tu mensaje',
  composerPlaceholder: 'Pregúntanos lo que quieras',
  composerHint: 'Intro envía, Mayús+Intro añade una línea.',
  send: 'Enviar',
  you: 'Tú',
  roles: { customer: 'tú', assistant: 'asistente virtual', agent: 'agente', system: 'aviso' },
  senderPrefix: (name, role) => prefix(es, name, role, 'Aviso'),
  sending: 'Enviando…',
  sent: 'Enviado',
  failed: 'No enviado.',
  retry: 'Reintentar',
  typing: (name) => `${name} está escribiendo…`,
  connecting: 'Conectando…',
  connected: 'Conectado.',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  unreachable: 'No podemos conectar con Atención al cliente. Volviendo a intentarlo…',
  offline: 'No tienes conexión. Enviaremos tus mensajes cuando vuelvas.',
  restarted:
    'No pudimos recuperar la parte anterior de este chat, así que empezó una conversación nueva. Los mensajes que aún no se habían enviado se enviaron ahora.',
  errorEmpty: 'Escribe un mensaje antes de enviarlo.',
  errorTooLong: (max) => `Tu mensaje es demasiado largo. Acórtalo a ${max} caracteres o menos.`,
  errorClosed: 'Este chat ha terminado. Tu mensaje no se envió.',
  errorServer: 'No se pudo enviar el mensaje. Puedes reintentarlo.',
  errorEndpoint: 'El chat no está disponible en este momento.',
  errorLoad:
    'No se pudo cargar el chat. Revisa tu conexión e inténtalo de nuevo, o vuelve a cargar la página.',
  errorAuth: 'No pudimos verificar tu sesión. Vuelve a iniciar sesión para chatear.',
  errorInvalidFrame: 'No se pudo mostrar una parte de esta conversación.',
  errorOutboxFull:
    'Hay demasiados mensajes esperando para enviarse. Tu mensaje se queda aquí; envíalo cuando vuelvas a tener conexión.',
  errorBlocked: (what) =>
    `No enviado: primero elimina ${what}. Por tu seguridad, nunca lo compartas en el chat.`,
  warning: (what) => `Aviso: tu mensaje contiene ${what}. Por tu seguridad, se eliminará antes de enviarlo.`,
  warningMasked: 'Por tu seguridad, eliminamos algunos datos de tu mensaje.',
  kinds: {
    card: 'un número de tarjeta',
    cvv: 'un código de seguridad',
    ssn: 'un número de Seguro Social',
    otp: 'un código de un solo uso o PIN',
    password: 'una contraseña',
  },
  and: 'y',
  queuePosition: (p) =>
    p === 1
      ? 'Eres el siguiente en la fila para hablar con un agente.'
      : `Eres el número ${p} en la fila para hablar con un agente.`,
  queueWait: (s) =>
    s < 60
      ? 'Espera estimada: menos de un minuto.'
      : minutes(s) === 1
        ? 'Espera estimada: alrededor de un minuto.'
        : `Espera estimada: unos ${minutes(s)} minutos.`,
  leaveQueue: 'Salir de la fila',
  endChat: 'Terminar chat',
  endConfirm: '¿Terminar este chat? Recibirás un número de referencia y un resumen.',
  endConfirmYes: 'Sí, terminar chat',
  keepChatting: 'Seguir chateando',
  endedHeading: 'Chat terminado',
  referenceNumber: 'Número de referencia',
  summary: 'Resumen',
  downloadTranscript: 'Descargar transcripción',
  printTranscript: 'Imprimir transcripción',
  transcriptTitle: 'Transcripción del chat de Atención al cliente',
  transcriptSaved: (when) => `Guardada el ${when}`,
  popupBlocked:
    'No se pudo abrir la vista de impresión. Permite las ventanas emergentes para este sitio o descarga la transcripción.',
  ratingLegend: '¿Qué te pareció este chat?',
  ratingLabels: ['1, malo', '2, regular', '3, bueno', '4, muy bueno', '5, excelente'],
  ratingSubmit: 'Enviar valoración',
  ratingThanks: 'Gracias por valorar este chat.',
  ratingMissing: 'Primero elige una valoración del 1 al 5.',
  idleWarning: (s) =>
    `¿Sigues ahí? Este chat terminará en ${duration(s, true)} porque no ha habido actividad.`,
  idleContinue: 'Continuar el chat',
  idleEnded: 'Este chat terminó porque no hubo actividad durante un rato.',
  tooLong: (over, max) =>
    `Tu mensaje tiene ${num(over, 'es')} ${over === 1 ? 'carácter' : 'caracteres'} de más. Acórtalo a ${num(max, 'es')} caracteres o menos.`,
  callUrgent: (phone) => `Llámanos ahora: ${phone}`,
  time: (at) => `${at.getHours()}:${minutesOf(at)}`,
};

const dictionaries: Record<Locale, Strings> = { en, es };

/** Picks a supported locale from a BCP 47 tag ("es-MX" → "es"); English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return primary === 'es' ? 'es' : 'en';
}

export function strings(locale: Locale): Strings {
  return dictionaries[locale];
}

/** "a card number and a security code". */
export function listKinds(t: Strings, kinds: readonly (keyof Strings['kinds'])[]): string {
  const names = kinds.map((k) => t.kinds[k]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t.and} ${names[names.length - 1]}`;
}

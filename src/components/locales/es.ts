/** Spanish, the panel's words (tú throughout). The keys and their meaning are English's: see ./en.ts. */
import type { en } from './en.js';
import type { Format } from '../i18n-format.js';

type Catalogue = ReturnType<typeof en>;

export const es = (f: Format): Catalogue => ({
  newMessage: (sender) => `Nuevo mensaje de ${sender}.`,
  conversation: 'Conversación',
  composerLabel: 'Escribe tu mensaje',
  composerPlaceholder: 'Pregúntanos lo que quieras',
  composerHint: 'Intro envía, Mayús+Intro añade una línea.',
  send: 'Enviar',
  roles: { customer: 'tú', assistant: 'asistente virtual', agent: 'agente', system: 'aviso' },
  sending: 'Enviando…',
  sent: 'Enviado',
  failed: 'No enviado.',
  typing: (name) => `${name} está escribiendo…`,
  connecting: 'Conectando…',
  connected: 'Conectado.',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  unreachable: 'No podemos conectar con Atención al cliente. Volviendo a intentarlo…',
  offline: 'No tienes conexión. Enviaremos tus mensajes cuando vuelvas.',
  restarted:
    'No pudimos recuperar la parte anterior de este chat, así que empezó una conversación nueva. Los mensajes que aún no se habían enviado se enviaron ahora.',
  errorEmpty: 'Escribe un mensaje antes de enviarlo.',
  errorTooLong: (max) => `Tu mensaje es demasiado largo. Acórtalo a ${f.num(max)} caracteres o menos.`,
  errorClosed: 'Este chat ha terminado. Tu mensaje no se envió.',
  errorServer: 'No se pudo enviar el mensaje. Puedes reintentarlo.',
  errorEndpoint: 'El chat no está disponible en este momento.',
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
  queuePosition: (p) =>
    p === 1
      ? 'Eres el siguiente en la fila para hablar con un agente.'
      : `Eres el número ${f.num(p)} en la fila para hablar con un agente.`,
  queueWait: (s) =>
    s < 60
      ? 'Espera estimada: menos de un minuto.'
      : s < 90
        ? 'Espera estimada: alrededor de un minuto.'
        : `Espera estimada: unos ${f.duration(s)}.`,
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
  transcriptTitle: (heading) => `Transcripción del chat de ${heading}`,
  transcriptSaved: (when) => `Guardada el ${when}`,
  popupBlocked:
    'No se pudo abrir la vista de impresión. Permite las ventanas emergentes para este sitio o descarga la transcripción.',
  ratingLegend: '¿Qué te pareció este chat?',
  ratingLabels: ['1, malo', '2, regular', '3, bueno', '4, muy bueno', '5, excelente'],
  ratingSubmit: 'Enviar valoración',
  ratingThanks: 'Gracias por valorar este chat.',
  ratingMissing: 'Primero elige una valoración del 1 al 5.',
  idleWarning: (s) => `¿Sigues ahí? Este chat terminará en ${f.duration(s)} porque no ha habido actividad.`,
  idleContinue: 'Continuar el chat',
  idleEnded: 'Este chat terminó porque no hubo actividad durante un rato.',
  tooLong: (over, max) =>
    `Tu mensaje tiene ${f.plural(over, { one: '# carácter', other: '# caracteres' })} de más. Acórtalo a ${f.num(max)} caracteres o menos.`,
  callUrgent: (phone) => `Llámanos ahora: ${phone}`,
  titleCount: (n, title) =>
    `${f.plural(n, { one: '(#) Mensaje nuevo', other: '(#) Mensajes nuevos' })}${title ? ` – ${title}` : ''}`,
  notificationTitle: (heading) => `Nuevo mensaje de ${heading}`,
  notifyOffer:
    'Reciba una notificación cuando llegue una respuesta mientras esta pestaña está en segundo plano.',
  notifyButton: 'Activar notificaciones',
  notifyGranted: 'Las notificaciones están activadas.',
  notifyDenied:
    'Las notificaciones están desactivadas. Puede permitirlas en la configuración de su navegador para este sitio.',
});

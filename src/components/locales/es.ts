/** Spanish, the panel's words: neutral Latin-American Spanish, addressing the customer as usted. The keys and their meaning are English's: see ./en.ts. */
import type { en } from './en.js';
import type { Format } from '../i18n-format.js';

type Catalogue = ReturnType<typeof en>;

export const es = (f: Format): Catalogue => ({
  partRetry: 'Intentar de nuevo',
  verifyUnavailable:
    'Atención al Cliente pidió confirmar su identidad, pero no se pudo cargar este paso. Revise su conexión e intente de nuevo.',
  uploadUnavailable:
    'Atención al Cliente pidió documentos, pero no se pudo cargar el formulario para enviarlos. Revise su conexión e intente de nuevo.',
  needsButton: 'Sus necesidades',
  needsAbout:
    'Indíquenos si usa un lector de pantalla, si necesita más tiempo o un resumen por escrito, o si es una persona sorda o con dificultad auditiva.',
  needsUnavailable:
    'No se pudo cargar el formulario de sus necesidades. Revise su conexión e intente de nuevo.',
  newMessage: (sender) => `Nuevo mensaje de ${sender}.`,
  conversation: 'Conversación',
  composerLabel: 'Escriba su mensaje',
  composerPlaceholder: 'Pregúntenos lo que quiera',
  composerHint: 'Enter envía; Shift+Enter agrega una línea.',
  send: 'Enviar',
  roles: { customer: 'usted', assistant: 'asistente virtual', agent: 'agente', system: 'aviso' },
  sending: 'Enviando…',
  sent: 'Enviado',
  failed: 'No enviado.',
  typing: (name) => `${name} está escribiendo…`,
  connecting: 'Conectando…',
  connected: 'Conectado.',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  unreachable: 'No podemos conectar con Atención al cliente. Volviendo a intentarlo…',
  offline: 'No tiene conexión. Enviaremos sus mensajes cuando vuelva a conectarse.',
  restarted:
    'No pudimos recuperar la parte anterior de este chat, así que comenzó una conversación nueva. Los mensajes que aún no se habían enviado se enviaron ahora.',
  errorEmpty: 'Escriba un mensaje antes de enviarlo.',
  errorTooLong: (max) => `Su mensaje es demasiado largo. Acórtelo a ${f.num(max)} caracteres o menos.`,
  errorClosed: 'Este chat terminó. Su mensaje no se envió.',
  errorServer: 'No se pudo enviar el mensaje. Puede volver a intentarlo.',
  errorEndpoint: 'El chat no está disponible en este momento.',
  errorAuth: 'No pudimos verificar su sesión. Vuelva a iniciar sesión para chatear.',
  errorInvalidFrame: 'No se pudo mostrar una parte de esta conversación.',
  errorOutboxFull:
    'Hay demasiados mensajes esperando para enviarse. Su mensaje se queda aquí; envíelo cuando vuelva a tener conexión.',
  errorBlocked: (what) =>
    `No enviado: primero elimine ${what}. Por su seguridad, nunca lo comparta en el chat.`,
  warning: (what) => `Aviso: su mensaje contiene ${what}. Por su seguridad, se eliminará antes de enviarlo.`,
  warningMasked: 'Por su seguridad, eliminamos algunos datos de su mensaje.',
  kinds: {
    card: 'un número de tarjeta',
    cvv: 'un código de seguridad',
    ssn: 'un número de Seguro Social',
    otp: 'un código de un solo uso o PIN',
    password: 'una contraseña',
  },
  queuePosition: (p) =>
    p === 1
      ? 'Es el siguiente en la fila para hablar con un agente.'
      : `Es el número ${f.num(p)} en la fila para hablar con un agente.`,
  queueWait: (s) =>
    s < 60
      ? 'Espera estimada: menos de un minuto.'
      : s < 90
        ? 'Espera estimada: alrededor de un minuto.'
        : `Espera estimada: unos ${f.duration(s)}.`,
  leaveQueue: 'Salir de la fila',
  endChat: 'Terminar chat',
  endConfirm: '¿Terminar este chat? Recibirá un número de referencia y un resumen.',
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
    'No se pudo abrir la vista de impresión. Permita las ventanas emergentes para este sitio o descargue la transcripción.',
  ratingLegend: '¿Qué le pareció este chat?',
  ratingLabels: ['1, malo', '2, regular', '3, bueno', '4, muy bueno', '5, excelente'],
  ratingSubmit: 'Enviar calificación',
  ratingThanks: 'Gracias por calificar este chat.',
  ratingMissing: 'Primero elija una calificación del 1 al 5.',
  idleWarning: (s) => `¿Sigue ahí? Este chat terminará en ${f.duration(s)} porque no ha habido actividad.`,
  idleContinue: 'Continuar el chat',
  idleEnded: 'Este chat terminó porque no hubo actividad durante un rato.',
  tooLong: (over, max) =>
    `Su mensaje tiene ${f.plural(over, { one: '# carácter', other: '# caracteres' })} de más. Acórtelo a ${f.num(max)} caracteres o menos.`,
  callUrgent: (phone) => `Llámenos ahora: ${phone}`,
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

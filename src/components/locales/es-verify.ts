/** Spanish, the identity check's words: see ./en-verify.ts. */
import type { Format } from '../i18n-format.js';
import type { verifyEn } from './en-verify.js';

export const verifyEs = (f: Format): ReturnType<typeof verifyEn> => ({
  verifyHeading: 'Confirme que es usted',
  verifyIntro: 'Atención al Cliente pidió confirmar su identidad. Nunca comparta un código en el chat.',
  verifyExpires: (at) => `Esta solicitud vence a las ${f.time(new Date(at))}.`,
  verifyPush: 'Aprobar en mi teléfono',
  verifyCode: 'Enviarme un código',
  verifyCancel: 'Ahora no',
  verifyPushSent: 'Enviamos una notificación a su teléfono, donde tiene la sesión iniciada. Apruébela allí.',
  verifyCodeSent: 'Enviamos un código de un solo uso a su teléfono.',
  verifyCodeLabel: 'Código de un solo uso',
  verifyCodeHint: 'Escríbalo aquí, no en el chat.',
  verifySubmit: 'Confirmar',
  verifyResend: 'Enviar un código nuevo',
  verifyUseCode: 'Usar un código',
  verifyCodeFormat: 'Escriba el código: solo números.',
  verifyWrong: (left) =>
    `El código no es correcto. ${f.plural(left, { one: 'Le queda 1 intento.', other: `Le quedan ${f.num(left)} intentos.` })}`,
  verifyOffline: 'No tiene conexión. Inténtelo de nuevo cuando el chat se reconecte.',
  verifyOtherTab: 'Termine esto en la pestaña donde comenzó el chat.',
  verifyTooFast: 'Fue demasiado rápido. Espere un momento y vuelva a escribir el código.',
  verified: (method) =>
    method === 'push'
      ? 'Su identidad quedó confirmada con la notificación en su teléfono.'
      : 'Su identidad quedó confirmada con el código.',
  verifyFailed: {
    expired: 'La solicitud venció. El agente puede enviarle una nueva.',
    denied: 'Rechazó la notificación en su teléfono, así que no se confirmó su identidad.',
    'too-many-tries': 'Demasiados códigos incorrectos. El agente puede enviarle una nueva solicitud.',
    cancelled: 'Eligió no confirmar su identidad por ahora.',
  },
  verifyClose: 'Cerrar',
});

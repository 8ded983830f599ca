/** Spanish, the element's own words (neutral Latin-American Spanish, usted). Keys and meaning: see ./en-element.ts. */
import type { enElement } from './en-element.js';
import type { ElementFormat } from '../i18n-format.js';

export const esElement = (f: ElementFormat): ReturnType<typeof enElement> => ({
  launcher: 'Chatear con nosotros',
  launcherUnread: (n) =>
    `Chatear con nosotros, ${f.plural(n, { one: '# mensaje nuevo', other: '# mensajes nuevos' })}`,
  heading: 'Atención al cliente',
  close: 'Cerrar chat',
  errorLoad:
    'No se pudo cargar el chat. Revise su conexión e inténtelo de nuevo, o vuelva a cargar la página.',
  retry: 'Reintentar',
});

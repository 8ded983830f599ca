/** Spanish, the element's own words (tú throughout). Keys and meaning: see ./en-element.ts. */
import type { enElement } from './en-element.js';
import type { ElementFormat } from '../i18n-format.js';

export const esElement = (f: ElementFormat): ReturnType<typeof enElement> => ({
  launcher: 'Chatea con nosotros',
  launcherUnread: (n) =>
    `Chatea con nosotros, ${f.plural(n, { one: '# mensaje nuevo', other: '# mensajes nuevos' })}`,
  heading: 'Atención al cliente',
  close: 'Cerrar chat',
  errorLoad:
    'No se pudo cargar el chat. Revisa tu conexión e inténtalo de nuevo, o vuelve a cargar la página.',
  retry: 'Reintentar',
});

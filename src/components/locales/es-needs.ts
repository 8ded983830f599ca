/** Spanish, the needs form's words (neutral Latin-American Spanish, usted); see ./en-needs.ts. */
import type { needsEn } from './en-needs.js';

export const needsEs: typeof needsEn = {
  needsToggle: 'Díganos qué necesita',
  needsIntro: 'Es opcional. El agente que le atienda lo verá.',
  needsLegend: '¿Qué le ayudaría en este chat?',
  needs: {
    'screen-reader': 'Uso un lector de pantalla',
    'more-time': 'Necesito más tiempo',
    'written-summary': 'Envíenme un resumen por escrito',
    hearing: 'Soy una persona sorda o con dificultad auditiva',
  },
  needsNote: 'Otra necesidad (opcional)',
  needsNoteHint: 'No incluya números de tarjeta, códigos ni contraseñas.',
  needsSave: 'Guardar',
  needsSkip: 'Ahora no',
  needsRefused:
    'Este chat no puede recibir sus necesidades, así que no se envió nada. Sus opciones siguen aquí; puede indicárnoslas en un mensaje.',
};

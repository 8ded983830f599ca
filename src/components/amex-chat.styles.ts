/**
 * The element's styles: the launcher's sheet and the theme tokens (launcher.styles.ts, adopted
 * with the element) and the panel's sheet (panel.styles.ts, with the panel's module). The element
 * imports each where it needs it; this module names them together.
 */
export { styles, tokens } from './launcher.styles.js';
export type { ThemeTokens } from './launcher.styles.js';
export { panelStyles } from './panel.styles.js';

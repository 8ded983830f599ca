import { render } from 'lit';

/** Where the panel's templates go in the frame the element built (panel-frame.ts). */
export interface FrameSlots {
  section: HTMLElement;
  close: HTMLElement;
}

/**
 * Renders the panel's templates into the element's frame: "End chat" before Close, the body at
 * the end of the dialog. Lit's `render` comes with this module, so the launcher never loads the
 * template engine. Event listeners are called on `host`, as a LitElement's own templates are.
 */
export function paintPanel(end: unknown, body: unknown, frame: FrameSlots, host: HTMLElement): void {
  render(end, frame.close.parentNode as HTMLElement, { host, renderBefore: frame.close });
  render(body, frame.section, { host });
}

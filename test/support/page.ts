/**
 * Test support for browser tests (not a test file): what a test makes that outlives it unless
 * undone (an iframe or element in the document, a window, a socket, a BroadcastChannel, a
 * listener) is registered here when it is made, and disposed of after each test whether it
 * passed or not, so a failed assertion does not leave it running into the next test.
 */
import type { AmexChatElement } from '../../src/index.js';
import { waitFor } from './helpers.js';

const disposals: (() => unknown)[] = [];

/** Runs `dispose` after this test, passed or not (the last registered runs first). */
export function disposeAfterTest(dispose: () => unknown): void {
  disposals.push(dispose);
}

/** Removes `element` after this test (an element the test put in the page itself). */
export function removeAfterTest<T extends Element>(element: T): T {
  disposeAfterTest(() => element.remove());
  return element;
}

/** Closes `thing` (a socket, window, channel, peer) after this test. */
export function closeAfterTest<T extends { close(): unknown }>(thing: T): T {
  disposeAfterTest(() => thing.close());
  return thing;
}

/** A new iframe in the body (loading `src`, if given), removed after this test. */
export function addFrame(src?: string): HTMLIFrameElement {
  const frame = removeAfterTest(document.createElement('iframe'));
  if (src) frame.src = src;
  document.body.append(frame);
  return frame;
}

/** Loads `src` in `frame`, or reloads it; resolves once it has loaded. */
export function loadFrame(frame: HTMLIFrameElement, src?: string): Promise<void> {
  return new Promise((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    if (src) frame.src = src;
    else frame.contentWindow?.location.reload();
  });
}

/**
 * The page at `src` in a new iframe the size of a desktop window (1280 × 900), once it has
 * loaded. It stays until removed (`removeAfterTest`, or by a suite that shares it).
 */
export async function desktopPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1280px';
  frame.style.height = '900px';
  document.body.append(frame);
  await loadFrame(frame, src);
  return frame;
}

/** The `<amex-chat>` of the page in `frame`, once it has rendered. */
export async function chatIn(frame: HTMLIFrameElement): Promise<AmexChatElement> {
  const el = await waitFor(() => frame.contentDocument?.querySelector('amex-chat'), 'the chat in the frame');
  await el.updateComplete;
  return el;
}

// Every disposal runs even when one before it throws; the first error then fails the hook.
afterEach(async () => {
  const errors: unknown[] = [];
  for (const dispose of disposals.splice(0).reverse()) {
    try {
      await dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
});

/**
 * The blobs `view` (default this window) hands the browser as object URLs while `action` runs,
 * as a download does; `URL.createObjectURL` is the browser's own again afterwards.
 */
export async function blobsCreatedBy(
  action: () => unknown,
  view: Window & typeof globalThis = window,
): Promise<Blob[]> {
  const blobs: Blob[] = [];
  const create = view.URL.createObjectURL.bind(view.URL);
  view.URL.createObjectURL = (blob: Blob | MediaSource) => {
    if (blob instanceof view.Blob) blobs.push(blob);
    return create(blob);
  };
  try {
    await action();
  } finally {
    view.URL.createObjectURL = create;
  }
  return blobs;
}

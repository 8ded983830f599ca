/**
 * The event emitter every transport and conversation exposes: the part of mitt's `Emitter` this
 * code uses, written here so that the published types name no package the widget does not
 * depend on (mitt is bundled). A mitt emitter is one; a custom transport may use mitt or its own.
 */
export interface Emitter<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): void;
  off<K extends keyof Events>(type: K, handler?: (event: Events[K]) => void): void;
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
}

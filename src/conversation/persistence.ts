/**
 * What survives a page reload (`persist="session"`): the conversation id, its resume key (the
 * server minted it for this tab; only this tab's session storage holds it), the last applied
 * sequence number and the unacknowledged outbox. Customer text is stored only as it was sent:
 * redacted. Nothing else (no drafts, no tokens, no transcript: the server replays that).
 * Storage is writable by any script on the page, so loaded text is plain `string` and the
 * conversation redacts it again before it can go anywhere. Beside this entry the element keeps one
 * more for the same endpoint, whether the panel was open (src/components/open-state.ts: it is read
 * before this module loads).
 */
export interface SavedConversation {
  conversationId: string;
  /** Absent until the server gave this tab a key (a follower tab waits for its own). */
  resumeKey?: string;
  lastSeq: number;
  outbox: { id: string; text: string; at: number }[];
}

export interface ConversationStore {
  load(): SavedConversation | undefined;
  save(state: SavedConversation): void;
  clear(): void;
}

const VERSION = 1;
/** A bound on what is kept, so a long outage cannot fill the storage quota. */
export const MAX_SAVED_OUTBOX = 50;

/** The largest time a Date holds (ms either side of the epoch). */
const MAX_TIME = 8.64e15;

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** A store in `sessionStorage` (per tab, gone when the tab closes), keyed by endpoint. */
export function sessionStore(endpoint: string, storage?: Storage): ConversationStore {
  const key = `amex-chat:v${VERSION}:${endpoint}`;
  const area = (): Storage | undefined => {
    try {
      return storage ?? globalThis.sessionStorage;
    } catch {
      return undefined; // storage disabled (privacy settings, sandboxed iframe)
    }
  };
  return {
    load() {
      try {
        const raw = area()?.getItem(key);
        if (!raw) return undefined;
        const data = JSON.parse(raw) as Partial<SavedConversation>;
        if (typeof data.conversationId !== 'string' || !isCount(data.lastSeq)) return undefined;
        // Page scripts can write here: an `at` no Date can hold would break rendering.
        const outbox = Array.isArray(data.outbox)
          ? data.outbox.filter(
              (item) =>
                typeof item.id === 'string' &&
                typeof item.text === 'string' &&
                typeof item.at === 'number' &&
                Math.abs(item.at) <= MAX_TIME,
            )
          : [];
        const saved: SavedConversation = {
          conversationId: data.conversationId,
          lastSeq: data.lastSeq,
          outbox,
        };
        if (typeof data.resumeKey === 'string') saved.resumeKey = data.resumeKey;
        return saved;
      } catch {
        return undefined;
      }
    },
    save(state) {
      try {
        area()?.setItem(key, JSON.stringify({ ...state, outbox: state.outbox.slice(-MAX_SAVED_OUTBOX) }));
      } catch {
        // quota or disabled storage: the conversation still works, it just won't survive a reload
      }
    },
    clear() {
      try {
        area()?.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}

/** A store that keeps nothing (`persist="none"`). */
export const noStore: ConversationStore = {
  load: () => undefined,
  save: () => undefined,
  clear: () => undefined,
};

import type { Notice, QueueFrame } from '../protocol.js';
import type { Emitter } from '../transport/emitter.js';
import type { CaseInfo, ConversationEvents, ConversationPhase, QueueStatus } from './types.js';

/**
 * Where the conversation stands: with the assistant, queued for a person, with an agent, or
 * ended. Notices move it from phase to phase; queue frames move the customer's place. A change
 * of place is emitted as `queue`, then `change`.
 */
export class Phase {
  readonly #events: Emitter<ConversationEvents>;
  phase: ConversationPhase = 'assistant';
  queue: QueueStatus | undefined;
  /** The last queue frame, for follower tabs that connect later. */
  queueFrame: QueueFrame | undefined;
  agent: { name: string; team: string } | undefined;
  case: CaseInfo | undefined;

  constructor(events: Emitter<ConversationEvents>) {
    this.#events = events;
  }

  /** A new conversation starts with the assistant. */
  restart(): void {
    this.phase = 'assistant';
    this.agent = undefined;
    this.case = undefined;
    this.queueFrame = undefined;
    this.setQueue(undefined);
  }

  /** A queue frame from the server. */
  queued(frame: QueueFrame): void {
    this.queueFrame = frame;
    this.setQueue(frame.waiting ? frame : undefined);
  }

  /** Notices move the conversation from phase to phase. */
  notice(notice: Notice): void {
    switch (notice.code) {
      case 'queued':
      case 'transferred':
      case 'agent-left':
        this.phase = 'queued';
        this.agent = undefined;
        break;
      case 'left-queue':
        this.phase = this.case ? 'ended' : 'assistant';
        this.setQueue(undefined);
        break;
      case 'agent-joined':
        this.phase = 'agent';
        this.agent = { name: notice.agent, team: notice.team };
        this.setQueue(undefined);
        break;
      case 'ended':
        this.phase = 'ended';
        this.agent = undefined;
        this.case = { caseNumber: notice.caseNumber, summary: notice.summary };
        this.setQueue(undefined);
        break;
    }
  }

  setQueue(queue: QueueStatus | undefined): void {
    const next = queue
      ? { position: queue.position, etaSeconds: queue.etaSeconds, team: queue.team }
      : undefined;
    const same =
      next?.position === this.queue?.position &&
      next?.etaSeconds === this.queue?.etaSeconds &&
      next?.team === this.queue?.team;
    if (same) return;
    this.queue = next;
    this.#events.emit('queue', next);
    this.#events.emit('change', undefined);
  }
}

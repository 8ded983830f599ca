/**
 * The customer endpoint, whichever transport carries it (WebSocket, or event stream + POST):
 * a session per connection that runs each frame through the pipeline (pipeline.ts) and, inside
 * the store's transaction, does what the frame asks: hello (customer-hello.ts), a message (acked
 * once stored; the assistant or the person answers), typing, leaving the queue, ending, rating,
 * and the keys other tabs of the conversation use.
 */
import { MAX_ACCOMMODATION_NOTE, MAX_MESSAGE_LENGTH } from '../../src/protocol.js';
import type {
  AccommodationsFrame,
  ClientFrame,
  ErrorCode,
  MessageFrame,
  ServerFrame,
} from '../../src/protocol.js';
import { wantsToLeaveQueue } from '../assistant/index.js';
import type { Connection } from '../connections.js';
import type { ContactCenter } from '../contact-center.js';
import { append } from '../conversation.js';
import type { Conversation } from '../conversation.js';
import { INTERNAL_ERROR_TEXT } from '../errors.js';
import { FrameBudget, RateLimiter, WorkBudget } from '../limits.js';
import { addKey, mintKey, sealKey } from '../resume-key.js';
import { tx } from '../store.js';
import type { ReadFrame, Store } from '../store.js';
import type { BotTurns } from './bot-turn.js';
import type { Verifications } from '../verification/index.js';
import { verifiedAnswer, wantsIdentity } from '../verification/assistant.js';
import { verifiedBy } from '../verification/index.js';
import type { HelloDeps } from './customer-hello.js';
import { hello, tabJoin } from './customer-hello.js';
import type { Delivery, Follower } from './delivery.js';
import type { Settings } from './options.js';
import {
  errorFrame,
  failNow,
  readClient,
  redactAgain,
  refuseWork,
  startHelloTimer,
  takeFrame,
  transact,
  workOf,
} from './pipeline.js';
import type { FramePort } from './pipeline.js';
import type { Reports } from './stats.js';

/** One customer connection. */
export interface Session extends Follower {
  readonly port: FramePort;
  readonly budget: FrameBudget;
  readonly work: WorkBudget;
  helloTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface CustomerDeps extends Omit<HelloDeps, 'reply' | 'fail'> {
  readonly settings: Settings;
  readonly store: Store;
  readonly center: ContactCenter;
  readonly delivery: Delivery;
  readonly reports: Reports;
  /** The external bot that takes the assistant's turns, when the server has one. */
  readonly bot?: BotTurns;
  /** Tests only (`debug`): every raw frame received. */
  readonly received: string[];
  /** The identity checks (server/verification): `verify-*` frames go only there. */
  readonly verifications: Verifications;
}

export interface Customers {
  /** A new customer connection from an admitted address (its shared frame and work buckets). */
  open(connection: Connection, address: RateLimiter, addressWork: RateLimiter): Session;
  /** One raw frame (`null`: a binary WebSocket frame). Never throws. */
  receive(session: Session, raw: string | null): void;
  /** A frame read and checked here, or by the instance its event stream's POST reached. */
  handle(session: Session, read: ReadFrame): void;
  /** The connection is gone. */
  closed(session: Session): void;
}

/** The pipeline's view of a customer connection. */
function portOf(connection: Connection): FramePort {
  return {
    kind: connection.kind,
    get closed() {
      return connection.closed;
    },
    sendNow: (frame) => connection.send(frame),
    close: (code, reason, hard) => connection.close(code, reason, hard),
  };
}

export function createCustomers(deps: CustomerDeps): Customers {
  const { settings, store, center, reports, conversations } = deps;
  const { stats } = reports;

  /** A frame to the connection of the transaction's request, once the transaction is stored. */
  function reply(connection: Connection, frame: ServerFrame): void {
    tx().after(() => connection.send(frame));
  }

  function fail(connection: Connection, code: ErrorCode, text: string, id?: string): void {
    reply(connection, errorFrame(reports, code, text, id));
  }

  const helloDeps: HelloDeps = { ...deps, reply, fail };

  /** A resume key of its own for another tab of the conversation, sealed to that tab's key. */
  function tabKey(session: Session, conversation: Conversation, ref: string, publicKey: string): void {
    const minted = mintKey();
    const sealed = sealKey(minted.key, publicKey);
    if (sealed === undefined) {
      fail(
        session.connection,
        'bad-frame',
        'tab-key.publicKey must be an RSA-OAEP public key (SPKI, base64).',
      );
      return;
    }
    addKey(conversation.keys, minted.hash);
    tx().touch(conversation);
    reply(session.connection, { type: 'tab-key', ref, sealed });
  }

  function message(session: Session, conversation: Conversation, frame: MessageFrame): void {
    const { connection } = session;
    const known = conversation.seen.get(frame.id);
    if (known !== undefined) {
      reply(connection, { type: 'ack', id: frame.id, seq: known });
      return;
    }
    if (frame.text.length > MAX_MESSAGE_LENGTH) {
      fail(connection, 'too-long', `Messages are limited to ${MAX_MESSAGE_LENGTH} characters.`, frame.id);
      return;
    }
    const text = redactAgain(reports, frame.text, conversation.id);
    stats.messages += 1;
    const event = append(conversation, {
      id: frame.id,
      kind: 'message',
      from: 'customer',
      name: '',
      text,
      at: Date.now(),
    });
    conversation.seen.set(frame.id, event.seq);
    reply(connection, { type: 'ack', id: frame.id, seq: event.seq });
    // With a person, the person answers; the assistant stays quiet.
    if (conversation.phase === 'agent') {
      center.customerMessage(conversation, text);
      return;
    }
    if (conversation.phase === 'queued' && wantsToLeaveQueue(text)) {
      center.leave(conversation);
      return;
    }
    if (deps.bot?.take(conversation, text)) return;
    let answer = conversation.assistant.reply(text);
    // A card to confirm with the billing ZIP: a verified customer's profile answers it; otherwise
    // the identity check is offered too, and the ZIP question stays as the fallback.
    if (wantsIdentity(conversation)) {
      if (verifiedBy(conversation)) answer = verifiedAnswer(conversation) ?? answer;
      else deps.verifications.request(conversation, 'assistant');
    }
    center.answerLater(conversation, answer);
  }

  /** The customer's accommodations: the note limited and redacted again, like a message's text. */
  function accommodations(session: Session, conversation: Conversation, frame: AccommodationsFrame): void {
    if (frame.note !== undefined && frame.note.length > MAX_ACCOMMODATION_NOTE) {
      fail(session.connection, 'too-long', `The note is limited to ${MAX_ACCOMMODATION_NOTE} characters.`);
      return;
    }
    const note = frame.note === undefined ? undefined : redactAgain(reports, frame.note, conversation.id);
    center.accommodations(
      conversation,
      note === undefined ? { needs: frame.needs } : { needs: frame.needs, note },
    );
  }

  function dispatch(session: Session, frame: ClientFrame): void {
    if (frame.type === 'ping') {
      reply(session.connection, { type: 'pong' });
      return;
    }
    if (frame.type === 'hello') {
      if (session.conversation === undefined) hello(helloDeps, session, frame);
      return;
    }
    const conversation = conversations.get(session.conversation ?? '');
    if (!conversation) {
      fail(
        session.connection,
        'not-ready',
        'Send hello first.',
        frame.type === 'message' ? frame.id : undefined,
      );
      return;
    }
    switch (frame.type) {
      case 'message':
        message(session, conversation, frame);
        return;
      case 'typing':
        // Reaches the agent as "typing" or not; the frame carries no text by construction.
        center.customerTyping(conversation, frame.active);
        return;
      case 'leave-queue':
        center.leave(conversation);
        return;
      case 'end':
        center.customerEnd(conversation);
        return;
      case 'rating':
        center.rating(conversation, frame.score);
        return;
      case 'accommodations':
        accommodations(session, conversation, frame);
        return;
      case 'tab-key':
        tabKey(session, conversation, frame.ref, frame.publicKey);
        return;
      case 'verify-start':
      case 'verify-code':
      case 'verify-cancel': {
        // The code goes to the verifier and nowhere else: not the log, the store or an event.
        const refused = deps.verifications.customerFrame(conversation, frame);
        if (refused !== undefined) fail(session.connection, 'not-found', refused);
        return;
      }
      case 'tab-join':
        tabJoin(helloDeps, session, conversation, frame.ref, frame.sealed);
        return;
    }
  }

  function handle(session: Session, read: ReadFrame): void {
    const { connection, port } = session;
    if (connection.closed) return;
    if (!takeFrame(port, reports, session.budget, read.messageId)) return;
    const frame = read.frame;
    // Work costs budget; a message or tab key that finds the connection's or the address's work
    // in debt waits (a POST's instance may have found its address so already: `refused`).
    const work = read.charged ? 0 : workOf(frame);
    if (read.refused || (work > 0 && !session.work.left)) {
      refuseWork(port, reports, session.budget, read.messageId);
      return;
    }
    if (!frame) {
      failNow(port, reports, 'bad-frame', read.error ?? 'Bad frame.', read.errorId);
      return;
    }
    if (work > 0) session.work.charge(work);
    if (frame.type === 'ping') {
      connection.send({ type: 'pong' });
      return;
    }
    // The conversation the frame is about (the store may have to fetch it).
    const about = session.conversation ?? (frame.type === 'hello' ? frame.resume?.conversationId : undefined);
    transact(
      store,
      port,
      reports,
      `customer ${frame.type}`,
      () => dispatch(session, frame),
      () => reply(connection, { type: 'error', code: 'internal', message: INTERNAL_ERROR_TEXT }),
      about,
    );
  }

  return {
    open(connection, address, addressWork) {
      stats.connections += 1;
      const port = portOf(connection);
      const session: Session = {
        connection,
        port,
        conversation: undefined,
        sentSeq: 0,
        batches: false,
        budget: new FrameBudget(
          new RateLimiter(settings.rate.burst, settings.rate.perSecond),
          address,
          settings.floodLimit,
        ),
        work: new WorkBudget(new RateLimiter(settings.work.burst, settings.work.perSecond), addressWork),
        helloTimer: undefined,
      };
      session.helloTimer = startHelloTimer(
        port,
        reports,
        settings.helloTimeoutMs,
        () => session.conversation !== undefined,
      );
      return session;
    },
    receive(session, raw) {
      if (session.connection.closed) return;
      if (settings.debug && raw !== null) deps.received.push(raw);
      handle(session, readClient(raw));
    },
    handle,
    closed(session) {
      clearTimeout(session.helloTimer);
      deps.delivery.unfollow(session);
    },
  };
}

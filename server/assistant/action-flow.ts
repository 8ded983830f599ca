/**
 * An action in progress (rule 4 of index.ts): its details collected, the read-back, the yes or
 * no, a change, a cancel, asked again at most twice, then a person offered. An action is claimed
 * only in `act`, after its read-back and an explicit yes. The conversation's state stays in
 * index.ts; this module reads and sets it through `ActionTurn`.
 */
import type { QuickReply } from '../../src/protocol.js';
import type { CardmemberProfile } from '../../demo/fixtures/profiles.js';
import {
  askChange,
  askMissing,
  cantGive,
  doneText,
  dropped,
  giveUp,
  isCancel,
  isDontKnow,
  isNo,
  isYes,
  missing,
  readBack,
  withUrgent,
} from './actions.js';
import { complaintNotFiled } from './complaint.js';
import { detailsIn, isSmallTalk } from './details.js';
import { MENU, qr } from './intents.js';
import type { TaskDef, TaskIntent } from './intents.js';
import { MAX_TRIES, refusal, refusedText, startingCard } from './profile.js';
import { confirmQuick } from './phrases.js';
import { baseOf } from './requests.js';
import { TOPIC } from './topics.js';
import type {
  ActionIntent,
  AssistantReply,
  CaseDesk,
  Detail,
  Details,
  Fact,
  Lang,
  Pending,
} from './types.js';

/** What the action steps need of the conversation (index.ts owns the state). */
export interface ActionTurn {
  lang: Lang;
  record: Fact[];
  on: { card: string | null; tries: number };
  profile: CardmemberProfile | undefined;
  desk: CaseDesk;
  customer: string;
  conversationId: string;
  pending: () => Pending | null;
  setPending: (p: Pending | null) => void;
  setLastTask: (intent: TaskIntent) => void;
  /** The reply with the board summary added (index.ts `out`). */
  out: (reply: AssistantReply) => AssistantReply;
}

/** The steps of an action in progress, over the conversation `t`. */
export function actionFlow(t: ActionTurn) {
  const { lang, record, on, out } = t;
  const es = lang === 'es';

  /** The action asked for (or its details changed): kept as started until it is done. */
  function started(intent: ActionIntent, details: Details): void {
    const last = record[record.length - 1];
    if (last?.kind === 'started' && last.intent === intent) last.details = { ...details };
    else record.push({ kind: 'started', intent, details: { ...details } });
  }

  function nextQuick(...extra: QuickReply[]): QuickReply[] {
    return [...extra, ...qr(lang, 'next', 'agent', 'done')];
  }

  /** The question the pending action is waiting on. */
  function pendingQuestion(): string {
    const pending = t.pending();
    if (pending === null) return '';
    if (pending.step === 'confirm') return readBack(lang, pending.intent, pending.details);
    if (pending.step === 'change') return askChange(lang, pending.intent);
    return askMissing(lang, pending.intent, pending.details);
  }

  /** "Now, about a lost or stolen card: …" — the pending question after another answer. */
  function resumeLine(p: Pending): string {
    const q = pendingQuestion().replace(/^(?:Thanks|Gracias)\. /, '');
    const topic = TOPIC[p.intent][lang];
    return es ? `Ahora, sobre ${topic}: ${q}` : `Now, about ${topic}: ${q}`;
  }

  /** New details are in: ask what is still missing, or read everything back. */
  function progressed(p: Pending): AssistantReply {
    // A card or ZIP code that does not match the profile is refused and counted (profile.ts).
    const wrong = refusal(lang, t.profile, p, on);
    if (wrong !== null && on.tries >= MAX_TRIES) t.setPending(null);
    p.misses = 0;
    started(p.intent, p.details);
    p.step = missing(p.intent, p.details).length > 0 ? 'collect' : 'confirm';
    return out(
      withUrgent(
        {
          text: wrong === null ? pendingQuestion() : refusedText(wrong, pendingQuestion()),
          intent: p.intent,
          quickReplies: p.step === 'confirm' ? confirmQuick(lang) : qr(lang, 'agent'),
        },
        p.intent,
      ),
    );
  }

  /** Only here is an action claimed: after the read-back, on an explicit yes. */
  function act(p: Pending): AssistantReply {
    if (p.intent === 'complaint' && p.details.ref === undefined) {
      try {
        p.details.ref = t.desk.fileComplaint(t.customer, t.conversationId, lang, p.details.about ?? '');
      } catch {
        // Not filed (no store to file it in): nothing is claimed, and a yes tries again.
        return out({
          text: complaintNotFiled(lang),
          intent: p.intent,
          quickReplies: [...confirmQuick(lang), ...qr(lang, 'agent')],
        });
      }
    }
    t.setPending(null);
    t.setLastTask(p.intent);
    const last = record[record.length - 1];
    if (last?.kind === 'started' && last.intent === p.intent) record.pop();
    record.push({ kind: 'done', intent: p.intent, details: { ...p.details } });
    const quick =
      p.intent === 'urgent-fraud'
        ? qr(lang, 'dispute', 'agent')
        : p.intent === 'lock'
          ? nextQuick(...qr(lang, 'unlock'))
          : nextQuick();
    return out(
      withUrgent(
        { text: doneText(lang, p.intent, p.details), intent: p.intent, quickReplies: quick },
        p.intent,
      ),
    );
  }

  /** A reply that brought nothing new: ask again (twice at most), then offer a person. */
  function missed(p: Pending, text: string): AssistantReply {
    p.misses += 1;
    if (p.misses > 2) {
      t.setPending(null);
      return out({ text: giveUp(lang), intent: p.intent, quickReplies: qr(lang, 'agent', 'done') });
    }
    let say: string;
    if (isDontKnow(text) && p.step === 'collect') say = cantGive(lang, p.intent, p.details);
    else if (p.step === 'confirm') {
      say = `${es ? 'Perdone, necesito un sí o un no.' : 'Sorry, I need a clear yes or no.'} ${pendingQuestion()}`;
    } else say = pendingQuestion();
    return out(
      withUrgent(
        {
          text: say,
          intent: p.intent,
          quickReplies:
            p.step === 'confirm' ? [...confirmQuick(lang), ...qr(lang, 'agent')] : qr(lang, 'agent'),
        },
        p.intent,
      ),
    );
  }

  /** The customer's message while an action is pending, or null to let the other rules answer. */
  function continuePending(
    p: Pending,
    text: string,
    task: TaskDef | undefined,
    ws: string[],
  ): AssistantReply | null {
    const found = detailsIn(p, text, true);
    const changed = (Object.keys(found) as Detail[]).some((k) => found[k] !== p.details[k]);
    if (changed && !isCancel(text)) {
      p.details = { ...p.details, ...found };
      return progressed(p);
    }
    if (isCancel(text) || (p.step === 'change' && isNo(text))) {
      t.setPending(null);
      return out({ text: dropped(lang), intent: p.intent, quickReplies: [...MENU[lang]] });
    }
    if (p.step === 'confirm' && isYes(text)) return act(p);
    if (p.step === 'confirm' && isNo(text)) {
      p.step = 'change';
      p.misses = 0;
      return out({ text: askChange(lang, p.intent), intent: p.intent, quickReplies: qr(lang, 'agent') });
    }
    if (task !== undefined && task.intent !== p.intent && task.intent !== baseOf(p.intent)) return null;
    if (task === undefined && isSmallTalk(ws)) return null;
    return missed(p, text);
  }

  /** A new pending action, with the details already given (and the card the chat is on). */
  function begin(intent: ActionIntent, text: string, known: Details = {}): Pending {
    const p: Pending = { intent, details: {}, step: 'collect', misses: 0 };
    p.details = { ...startingCard(intent, on.card), ...known, ...detailsIn(p, text, false) };
    t.setPending(p);
    started(intent, p.details);
    return p;
  }

  return { started, pendingQuestion, resumeLine, progressed, continuePending, begin };
}

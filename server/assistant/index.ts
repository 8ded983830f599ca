/**
 * The card-care virtual assistant: rule-based, deterministic, English and Spanish. One assistant
 * per conversation; it remembers the last task and what it asked.
 *
 * Order of the rules for each customer message:
 *   1. urgent fraud ("someone is using my card")    → phone route at once, action urgent-phone
 *   2. a person ("agent", "hablar con alguien")     → action queue-for-agent, with the summary
 *      (in a complaint, only when asked for in so many words: "the agent was rude" is not)
 *   2a. a reference number or "the status of my complaint" → the case, from the desk (status.ts)
 *   2c. "did you lock my card?", "what did we agree?" → from the record (so-far.ts)
 *   3. a card-like number or a code (hidden by the redactor) → a reminder naming it; nothing of
 *      it is used (a hidden SSN or password: said before the answer to the rest)
 *   4. an action in progress (action-flow.ts): its details, the read-back and the yes or no
 *      (asked again at most twice, then a person offered). An action is claimed only after
 *      its read-back and an explicit yes; the record (types.ts Fact) keeps what was done.
 *   5. next steps ("confirm next steps and the timeline") for the task named, or the last one
 *   6. a task of the table (intents.ts); several at once (compound.ts): questions, then an action
 *   7. goodbye, thanks, greeting; 8. unknown → the main tasks and the option of a person.
 *
 * A card is identified only by its last four digits (and the billing ZIP code where the action
 * needs it); the assistant never asks for more. This module holds the conversation state and
 * the order of the rules; the rules and tasks are data (intents.ts), matched by match.ts;
 * actions.ts and details.ts hold an action's details, action-flow.ts its steps to the yes,
 * record.ts reads the record back.
 */
import { randomUUID } from 'node:crypto';
import { actionFlow } from './action-flow.js';
import { askMissing, isAction, missing, readBack } from './actions.js';
import { COMPLAINT_TASK } from './complaint.js';
import { several, taskParts } from './compound.js';
import { worldDesk } from './desk.js';
import { anotherCharge, detailsIn } from './details.js';
import { AGENT, CASE_QUESTION, MENU, NEVER_ASK, NEXT_STEPS, URGENT_FRAUD, qr } from './intents.js';
import type { TaskDef, TaskIntent } from './intents.js';
import { asksForPerson, detectTask, matches } from './match.js';
import { needsReply } from './needs-said.js';
import { cardSwitch, profileAnswer, refusal } from './profile.js';
import { greeting, smallTalk } from './small-talk.js';
import { PHONE_ROUTE, SAFETY, TO_AGENT, URGENT_ASK, confirmQuick, hiddenNotice } from './phrases.js';
import { copyFacts, recapOf, stepsTextOf, summaryOf } from './record.js';
import { isRequest, requestIntro, requestOf } from './requests.js';
import { CASE_STATUS, askRef, closedCaseText, lastComplaintRef, lookUp, refIn } from './status.js';
import { soFar } from './so-far.js';
import { hiddenIn, looksLikeCardNumber, words } from './text.js';
import type {
  ActionIntent,
  Assistant,
  AssistantOptions,
  AssistantReply,
  AssistantState,
  Fact,
  Lang,
  Pending,
} from './types.js';

export type {
  Assistant,
  AssistantOptions,
  AssistantReply,
  AssistantState,
  CaseDesk,
  CaseRecord,
  Fact,
  Intent,
  Lang,
} from './types.js';
export { memoryDesk, worldDesk } from './desk.js';
export type { TaskIntent } from './intents.js';
export { TOPIC } from './topics.js';
export { detectTask, isFarewell, wantsToLeaveQueue } from './match.js';
export { ASSISTANT_NAME } from './phrases.js';

/**
 * A new assistant for one conversation in `lang`, or one that carries on from `saved`; it files
 * complaints and finds cases for `options.customer` only.
 */
export function createAssistant(
  lang: Lang,
  saved?: AssistantState,
  options: AssistantOptions = {},
): Assistant {
  const es = lang === 'es';
  const desk = options.desk ?? worldDesk;
  // Without a customer, the cases of this assistant alone.
  const customer = options.customer ?? `assistant:${randomUUID()}`;
  const conversationId = options.conversationId ?? '';
  let lastTask: TaskIntent | null = saved?.lastTask ?? null;
  const on = { card: saved?.card ?? null, tries: saved?.tries ?? 0 };
  let pending: Pending | null = saved?.pending
    ? { ...saved.pending, details: { ...saved.pending.details } }
    : null;
  /** What actually happened, in order (see Fact). */
  const record: Fact[] = copyFacts(saved?.record ?? []);
  /** The last case closed in this conversation, and the tasks it covered. */
  let closed: { caseNumber: string; summary: string; tasks: Set<TaskIntent> } | null = saved?.closed
    ? {
        caseNumber: saved.closed.caseNumber,
        summary: saved.closed.summary,
        tasks: new Set(saved.closed.tasks),
      }
    : null;

  function summary(): string {
    return summaryOf(lang, record);
  }

  function out(reply: AssistantReply): AssistantReply {
    if (record.length > 0) reply.summary = summary();
    return reply;
  }

  // An action in progress: its details, the read-back, the yes or no (action-flow.ts).
  const { started, pendingQuestion, resumeLine, progressed, continuePending, begin } = actionFlow({
    lang,
    record,
    on,
    profile: options.profile,
    desk,
    customer,
    conversationId,
    pending: () => pending,
    setPending: (p) => (pending = p),
    setLastTask: (intent) => (lastTask = intent),
    out,
  });

  function answered(intent: TaskIntent): void {
    const last = record[record.length - 1];
    if (last?.kind === 'answered' && last.intent === intent) return;
    record.push({ kind: 'answered', intent });
  }

  function urgent(text: string): AssistantReply {
    lastTask = 'urgent-fraud';
    const p = begin('urgent-fraud', text);
    const wrong = refusal(lang, options.profile, p, on);
    if (p.details.last4 !== undefined) {
      p.step = 'confirm';
      return out({
        text: `${es ? `Esto es urgente: ${PHONE_ROUTE.es}.` : `This is urgent: please ${PHONE_ROUTE.en}.`} ${readBack(lang, 'urgent-fraud', p.details)}`,
        intent: 'urgent-fraud',
        action: 'urgent-phone',
        quickReplies: [...confirmQuick(lang), ...qr(lang, 'agent')],
      });
    }
    return out({
      text: wrong === null ? URGENT_ASK[lang] : `${URGENT_ASK[lang]} ${wrong}`,
      intent: 'urgent-fraud',
      action: 'urgent-phone',
      quickReplies: qr(lang, 'agent'),
    });
  }

  /** A request for a person: the task named with it ("about my credit limit") is kept as asked. */
  function agent(text: string): AssistantReply {
    if (detectTask(text)?.intent !== pending?.intent) told(text);
    pending = null;
    return { text: TO_AGENT[lang], intent: 'agent', action: 'queue-for-agent', summary: summary() };
  }

  function startTask(def: TaskDef, text: string): AssistantReply {
    // "Raise my credit limit" is a request the assistant files (requests.ts), not the question.
    const req = requestOf(lang, def.intent, text, options.profile);
    lastTask = req.intent;
    if (!isAction(req.intent)) {
      answered(def.intent);
      // A question in the middle of an action: answered, and the action's question asked again.
      const open = pending === null ? '' : ` ${resumeLine(pending)}`;
      return out({
        text: `${req.text ?? profileAnswer(lang, def.intent, options.profile, def.answer[lang])}${open}`,
        intent: def.intent,
        quickReplies: pending === null ? [...def.quickReplies[lang]] : qr(lang, 'agent'),
      });
    }
    pending = null;
    const p = begin(req.intent, text, req.details);
    if (Object.keys(p.details).length > 0) return progressed(p);
    const safety = def.card !== undefined ? ` ${NEVER_ASK[lang]}` : '';
    return out({
      text: isRequest(p.intent)
        ? `${requestIntro(lang, p.intent)} ${askMissing(lang, p.intent, {})}`
        : `${def.answer[lang]}${safety}`,
      intent: p.intent,
      quickReplies: [...def.quickReplies[lang]],
    });
  }

  function nextSteps(intent: TaskIntent | null): AssistantReply {
    if (intent === null) {
      return {
        text: es
          ? 'Todavía no hemos empezado ningún trámite. ¿En qué puedo ayudarle?'
          : "We haven't started a task yet. What can I help you with?",
        intent: 'next-steps',
        quickReplies: [...MENU[lang]],
      };
    }
    const text = stepsTextOf(lang, record, intent);
    const open = pending !== null && pending.intent === intent ? pendingQuestion() : '';
    return out({
      text: open === '' ? text : `${text} ${open}`,
      intent: 'next-steps',
      quickReplies: qr(lang, 'agent', 'done'),
    });
  }

  /** A task told to a person (or asked for with one): what they asked for, never something done. */
  function told(customerText: string): void {
    const text = customerText.slice(0, 2000);
    if (looksLikeCardNumber(text)) return;
    const def = detectTask(text);
    if (def === undefined) return;
    lastTask = def.intent;
    pending = null;
    if (isAction(def.intent)) {
      const p: Pending = { intent: def.intent, details: {}, step: 'collect', misses: 0 };
      started(def.intent, detailsIn(p, text, false));
    } else answered(def.intent);
  }

  function recap(): string {
    return recapOf(lang, record);
  }

  /** "What was agreed?" after the case was closed: its summary, and the dispute timeline. */
  function caseAnswer(c: { caseNumber: string; summary: string; tasks: Set<TaskIntent> }): AssistantReply {
    return out({ text: closedCaseText(lang, c), intent: 'case', quickReplies: qr(lang, 'agent', 'done') });
  }

  /** The status of a case (status.ts): the number given, the last complaint, the chat's case. */
  function caseStatus(ref: string | null): AssistantReply {
    const which = ref ?? lastComplaintRef(record);
    if (which === null && closed !== null) return caseAnswer(closed);
    const open = pending === null ? '' : ` ${resumeLine(pending)}`;
    const text = which === null ? askRef(lang) : `${lookUp(lang, desk, customer, which)}${open}`;
    return out({ text, intent: 'case-status', quickReplies: qr(lang, 'agent', 'done') });
  }

  /** The answer, after what the redactor hid of a Social Security number or a password. */
  function reply(customerText: string): AssistantReply {
    const turn = { lang, pending, ask: pendingQuestion, rest: () => answer(customerText), out };
    const r = needsReply(customerText, turn) ?? answer(customerText);
    const notice = hiddenNotice(lang, hiddenIn(customerText));
    return notice === '' ? r : { ...r, text: `${notice} ${r.text}` };
  }

  function answer(customerText: string): AssistantReply {
    const text = customerText.slice(0, 2000);
    const ws = words(text);

    // 1. Fraud happening now beats everything; 2. then a request for a person.
    if (matches(ws, URGENT_FRAUD)) return urgent(text);
    const complaining =
      matches(ws, COMPLAINT_TASK.triggers) || (pending?.intent === 'complaint' && pending.step !== 'confirm');
    if (matches(ws, AGENT) && asksForPerson(ws, complaining)) return agent(text);

    // 2a. A case asked about by its number ("AMX-…" on its own counts), or "my complaint's status".
    const ref = refIn(text);
    const asksStatus = matches(ws, CASE_STATUS);
    if (ref !== null && (asksStatus || !matches(ws, COMPLAINT_TASK.triggers))) return caseStatus(ref);
    if (asksStatus && ref === null && (closed === null || !matches(ws, CASE_QUESTION)))
      return caseStatus(null);

    // 2b. After a case was closed: what was agreed, the reference, its next steps.
    if (closed !== null) {
      const about = detectTask(text)?.intent ?? lastTask;
      const caseNext = matches(ws, NEXT_STEPS) && (about === null || closed.tasks.has(about));
      if (matches(ws, CASE_QUESTION) || caseNext) return caseAnswer(closed);
    }
    const sofar = soFar(lang, text, record, closed === null, pending === null ? '' : resumeLine(pending));
    if (sofar !== null) return out(sofar);

    // 3. Something card-like (the redactor's mask) or a code: remind, naming it; use nothing of it.
    if (looksLikeCardNumber(text)) {
      const needsLast4 = pending !== null && missing(pending.intent, pending.details).includes('last4');
      const which = hiddenIn(text).includes('card') ? SAFETY[lang].full : SAFETY[lang].code;
      return out({
        text: needsLast4 ? `${which} ${SAFETY[lang].onlyLast4}` : which,
        intent: lastTask ?? 'unknown',
      });
    }

    const task = detectTask(text);

    // 4. An action in progress: its details, the yes or no, or asked again.
    if (pending !== null) {
      const r = continuePending(pending, text, task, ws);
      if (r !== null) return r;
    }

    // 4a. "My other card ending in 2002": `on.card`, which actions start with, if on the profile.
    const sw = (task ?? pending) === null ? cardSwitch(lang, options.profile, text, on, record) : null;
    if (sw !== null) return out(sw);

    // 5. Next steps: of the task named in the same message, else of the last one. Before any
    // task came up, a question named is answered ("how long does a refund take?").
    if (matches(ws, NEXT_STEPS) && (task === undefined || lastTask !== null || isAction(task.intent))) {
      return nextSteps(task?.intent ?? lastTask);
    }

    // 6. A task; several at once: the questions answered, then the first action (compound.ts).
    const parts = pending === null ? taskParts(text) : [];
    if (parts.length >= 2) {
      const answerOf = (d: TaskDef) => profileAnswer(lang, d.intent, options.profile, d.answer[lang]);
      const run = { answered, answerOf, later: (i: ActionIntent) => started(i, {}), start: startTask };
      return out(several(lang, parts, { ...run, last: (i: TaskIntent) => (lastTask = i) }));
    }
    // After a dispute, a charge with its details ("also $12 at Uber on 11/21") is another one.
    const next = task ?? (lastTask === 'dispute' ? anotherCharge(text) : undefined);
    if (next !== undefined) return startTask(next, text);

    // 7. Small talk.
    const small = smallTalk(lang, ws, pendingQuestion(), lastTask !== null);
    if (small.intent === 'goodbye') pending = null;
    return out(small);
  }

  return {
    state(): AssistantState {
      return {
        lastTask,
        ...on,
        pending: pending ? { ...pending, details: { ...pending.details } } : null,
        record: copyFacts(record),
        closed: closed
          ? { caseNumber: closed.caseNumber, summary: closed.summary, tasks: [...closed.tasks] }
          : null,
      };
    },
    greet: () => greeting(lang),
    reply,
    summary,
    recap,
    closeCase(caseNumber: string, caseSummary: string): void {
      pending = null;
      try {
        desk.closeChat(customer, conversationId, lang, caseNumber, caseSummary);
      } catch {
        // Outside the server (no store): the chat's reference is still answered below.
      }
      const tasks = new Set<TaskIntent>();
      for (const f of record) if ('intent' in f) tasks.add(f.intent);
      closed = { caseNumber, summary: caseSummary, tasks };
    },
    observe: told,
    lastTask: () => lastTask,
    nextSteps(intent?: TaskIntent): string {
      const which = intent ?? lastTask;
      return which === null ? '' : stepsTextOf(lang, record, which);
    },
    transferred(team: string, note?: string): void {
      pending = null;
      record.push({ kind: 'transfer', team, note: note ?? null });
    },
    agentPart: (fact) => void record.push({ ...fact }),
    record: () => copyFacts(record),
  };
}

/**
 * The card-care virtual assistant (issue 5, item 1): rule-based, deterministic, English and
 * Spanish. One assistant per conversation; it remembers the last task and what it asked.
 *
 * Order of the rules for each customer message:
 *   1. urgent fraud ("someone is using my card")    → phone route at once, action urgent-phone
 *   2. a person ("agent", "hablar con alguien")     → action queue-for-agent, with the summary
 *   3. a card-like number (masked by the redactor)  → a reminder; nothing of it is used
 *   4. the answer to what the assistant just asked  (last four, ZIP, the disputed charge)
 *   5. next steps ("confirm next steps and the timeline") for the task named, or the last one
 *   6. a task of the table (intents.ts)
 *   7. goodbye, thanks, greeting
 *   8. unknown → the main tasks as quick replies and the option to talk to a person.
 *
 * The assistant identifies a card only by its last four digits (and the billing ZIP code
 * where the action needs it) and says so; it never asks for more.
 */
import type { QuickReply } from '../../src/protocol.js';
import {
  AGENT,
  CASE_QUESTION,
  DISPUTE_TIMELINE,
  GOODBYE,
  GREETING,
  LEAVE_QUEUE,
  LEAVE_QUEUE_WEAK,
  MENU,
  NEVER_ASK,
  NEXT_STEPS,
  PHONE_ROUTE,
  TASKS,
  THANKS,
  URGENT_FRAUD,
  qr,
  taskDef,
} from './intents.js';
import type { TaskDef, TaskIntent, Triggers } from './intents.js';
import {
  findAmount,
  findDate,
  findLastFour,
  findLeadingMerchant,
  findMerchant,
  findStatedLastFour,
  findZip,
  hasAny,
  looksLikeCardNumber,
  phrase,
  words,
} from './text.js';
import type { Phrase } from './text.js';
import { TOPIC, listOf } from './topics.js';
import type { Assistant, AssistantReply, AssistantState, Lang } from './types.js';

export type { Assistant, AssistantReply, AssistantState, Intent, Lang } from './types.js';
export type { TaskIntent } from './intents.js';
export { TOPIC } from './topics.js';

export const ASSISTANT_NAME: Readonly<Record<Lang, string>> = {
  en: 'Virtual assistant',
  es: 'Asistente virtual',
};

// ---- trigger matching ---------------------------------------------------------------------

interface Matcher {
  any: Phrase[];
  all: Phrase[][];
  except: Phrase[];
}

const compiled = new WeakMap<Triggers, Matcher>();

function matcher(t: Triggers): Matcher {
  let m = compiled.get(t);
  if (m === undefined) {
    m = {
      any: (t.any ?? []).map(phrase),
      all: (t.all ?? []).map((group) => group.map(phrase)),
      except: (t.except ?? []).map(phrase),
    };
    compiled.set(t, m);
  }
  return m;
}

function matches(ws: readonly string[], t: Triggers): boolean {
  const m = matcher(t);
  if (hasAny(ws, m.except)) return false;
  if (hasAny(ws, m.any)) return true;
  return m.all.length > 0 && m.all.every((group) => hasAny(ws, group));
}

/** The first task of the table whose triggers match, if any. */
export function detectTask(text: string): TaskDef | undefined {
  const ws = words(text);
  return TASKS.find((t) => matches(ws, t.triggers));
}

/** While queued for a person: does the customer want to leave the line? */
export function wantsToLeaveQueue(text: string): boolean {
  const ws = words(text);
  if (matches(ws, LEAVE_QUEUE)) return true;
  return matches(ws, LEAVE_QUEUE_WEAK) && detectTask(text) === undefined && !matches(ws, AGENT);
}

/** Thanks, goodbye or "that's all", with no task named (for the simulated agent). */
export function isFarewell(text: string): boolean {
  const ws = words(text);
  return (matches(ws, THANKS) || matches(ws, GOODBYE)) && detectTask(text) === undefined;
}

// ---- wording of the multi-turn steps ------------------------------------------------------

interface Charge {
  merchant: string | null;
  amount: string | null;
  date: string | null;
}

function describeCharge(lang: Lang, c: Charge): string {
  if (lang === 'es') {
    if (c.amount === null && c.merchant === null && c.date === null) return 'el cargo que describiste';
    return [
      'el cargo',
      c.amount !== null ? `de ${c.amount}` : '',
      c.merchant !== null ? `en ${c.merchant}` : '',
      c.date !== null ? `del ${c.date}` : '',
    ]
      .filter((s) => s !== '')
      .join(' ');
  }
  if (c.amount === null && c.merchant === null && c.date === null) return 'the charge you described';
  return [
    'the charge',
    c.amount !== null ? `of ${c.amount}` : '',
    c.merchant !== null ? `at ${c.merchant}` : '',
    c.date !== null ? `on ${c.date}` : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

const ASK_ZIP: Readonly<Record<Lang, string>> = {
  en: 'what is the ZIP code of your billing address?',
  es: '¿cuál es el código postal de tu dirección de facturación?',
};

/** What the assistant says once it has the last four (lock acts; the others ask the ZIP). */
function afterLastFour(lang: Lang, intent: TaskIntent, l4: string): string {
  const es = lang === 'es';
  switch (intent) {
    case 'urgent-fraud':
      return es
        ? `La tarjeta terminada en ${l4} está bloqueada, así que no se pueden hacer compras nuevas. Aun así, ${PHONE_ROUTE.es}, para revisar contigo los cargos recientes.`
        : `The card ending in ${l4} is locked, so no new purchases can go through. Please still ${PHONE_ROUTE.en}, so we can review the recent charges with you.`;
    case 'lock':
      return es
        ? `Gracias. La tarjeta terminada en ${l4} está bloqueada: las compras nuevas se rechazarán hasta que la desbloquees en la app o aquí.`
        : `Thanks. The card ending in ${l4} is locked: new purchases will be declined until you unlock it in the app or here.`;
    case 'lost-stolen':
      return es
        ? `Gracias. La tarjeta terminada en ${l4} está bloqueada, así que no se pueden hacer cargos nuevos con ella. Para enviarte el reemplazo, ${ASK_ZIP.es}`
        : `Thanks. The card ending in ${l4} is locked, so no new charges can be made on it. To send the replacement, ${ASK_ZIP.en}`;
    case 'damaged':
      return es
        ? `Gracias, encontré la tarjeta terminada en ${l4}. Para enviarte el reemplazo, ${ASK_ZIP.es}`
        : `Thanks, I found the card ending in ${l4}. To send the replacement, ${ASK_ZIP.en}`;
    case 'authorized-user-remove':
      return es
        ? `Gracias. Para confirmar la baja de la tarjeta terminada en ${l4}, ${ASK_ZIP.es}`
        : `Thanks. To confirm the removal of the card ending in ${l4}, ${ASK_ZIP.en}`;
    default:
      return es
        ? `Gracias. Para confirmar que la tarjeta terminada en ${l4} es tuya, ${ASK_ZIP.es}`
        : `Thanks. To confirm that the card ending in ${l4} is yours, ${ASK_ZIP.en}`;
  }
}

/** The confirmation once the card is identified by its last four and the billing ZIP. */
function afterZip(lang: Lang, intent: TaskIntent, l4: string, zip: string): string {
  const es = lang === 'es';
  switch (intent) {
    case 'lost-stolen':
      return es
        ? `Listo. Una tarjeta de reemplazo con un número nuevo va en camino a tu dirección de facturación (código postal ${zip}) y debería llegar en 2 o 3 días hábiles. La tarjeta terminada en ${l4} sigue bloqueada. Recuerda actualizar tus pagos automáticos con la tarjeta nueva.`
        : `Done. A replacement card with a new card number is on its way to your billing address (ZIP ${zip}) and should arrive in 2–3 business days. The card ending in ${l4} stays locked. Remember to update your automatic payments with the new card.`;
    case 'damaged':
      return es
        ? `Listo. Una tarjeta de reemplazo con el mismo número va en camino a tu dirección de facturación (código postal ${zip}) y debería llegar en 3 a 5 días hábiles. Actívala en la app cuando llegue.`
        : `Done. A replacement card with the same card number is on its way to your billing address (ZIP ${zip}) and should arrive in 3–5 business days. Activate it in the app when it arrives.`;
    case 'unlock':
      return es
        ? `Listo. La tarjeta terminada en ${l4} está desbloqueada y vuelve a funcionar de inmediato.`
        : `Done. The card ending in ${l4} is unlocked and works again right away.`;
    case 'authorized-user-remove':
      return es
        ? `Listo. La tarjeta del usuario autorizado terminada en ${l4} está dada de baja y deja de funcionar de inmediato; el cambio aparecerá en tu próximo estado de cuenta.`
        : `Done. The authorized user's card ending in ${l4} is removed and stops working right away; the change will appear on your next statement.`;
    default:
      return es ? 'Listo.' : 'Done.';
  }
}

/** The agent-console line of a card task at each step (English, like every summary). */
function cardNote(
  def: TaskDef | undefined,
  intent: TaskIntent,
  l4: string | null,
  zip: string | null,
): string {
  const base = def?.summary ?? 'Customer reports urgent fraud (phone route given)';
  const parts: string[] = [];
  if (l4 !== null) parts.push(`card ending in ${l4}`);
  if (l4 !== null && (intent === 'lock' || intent === 'lost-stolen' || intent === 'urgent-fraud')) {
    parts.push('locked');
  }
  if (zip !== null) {
    if (intent === 'lost-stolen') parts.push(`replacement (new number) sent to ZIP ${zip}`);
    else if (intent === 'damaged') parts.push(`replacement (same number) sent to ZIP ${zip}`);
    else if (intent === 'unlock') parts.push(`unlocked (ZIP ${zip} given)`);
    else if (intent === 'authorized-user-remove') parts.push(`removed (ZIP ${zip} given)`);
  }
  return parts.length > 0 ? `${base}: ${parts.join(', ')}` : base;
}

const SAFETY: Readonly<
  Record<Lang, { full: string; onlyLast4: string; reaskLast4: string; reaskZip: string }>
> = {
  en: {
    full: "For your security, please don't type your full card number in this chat; part of your message was hidden and I haven't used it.",
    onlyLast4: 'I only need the last four digits of the card.',
    reaskLast4: 'To find the card, I need only its last four digits, for example 1005.',
    reaskZip: 'I need the 5-digit ZIP code of your billing address, for example 10001.',
  },
  es: {
    full: 'Por tu seguridad, no escribas el número completo de tu tarjeta en este chat; ocultamos parte de tu mensaje y no lo he usado.',
    onlyLast4: 'Solo necesito los últimos cuatro dígitos de la tarjeta.',
    reaskLast4: 'Para encontrar la tarjeta, solo necesito sus últimos cuatro dígitos, por ejemplo 1005.',
    reaskZip: 'Necesito el código postal de 5 dígitos de tu dirección de facturación, por ejemplo 10001.',
  },
};

// ---- the assistant ------------------------------------------------------------------------

type Awaiting = 'last4' | 'zip' | 'dispute-details' | null;

/** A new assistant for one conversation in `lang`, or one that carries on from `saved`. */
export function createAssistant(lang: Lang, saved?: AssistantState): Assistant {
  const es = lang === 'es';
  let lastTask: TaskIntent | null = saved?.lastTask ?? null;
  let awaiting: Awaiting = saved?.awaiting ?? null;
  let last4: string | null = saved?.last4 ?? null;
  let charge: Charge | null = saved?.charge ? { ...saved.charge } : null;
  /** Agent-console lines by task, in the order the tasks came up. */
  const notes = new Map<TaskIntent, string>(saved?.notes ?? []);
  /** The last case closed in this conversation, and the tasks it covered. */
  let closed: { caseNumber: string; summary: string; tasks: Set<TaskIntent> } | null = saved?.closed
    ? {
        caseNumber: saved.closed.caseNumber,
        summary: saved.closed.summary,
        tasks: new Set(saved.closed.tasks),
      }
    : null;

  function summary(): string {
    if (notes.size === 0) return es ? 'No task discussed yet (Spanish).' : 'No task discussed yet.';
    const line = [...notes.values()].join('; ');
    return es ? `${line} (Spanish)` : line;
  }

  function out(reply: AssistantReply): AssistantReply {
    if (notes.size > 0) reply.summary = summary();
    return reply;
  }

  function note(intent: TaskIntent, line: string): void {
    notes.delete(intent);
    notes.set(intent, line);
  }

  function nextQuick(...extra: QuickReply[]): QuickReply[] {
    return [...extra, ...qr(lang, 'next', 'agent', 'done')];
  }

  function urgent(text: string): AssistantReply {
    lastTask = 'urgent-fraud';
    const l4 = findStatedLastFour(text);
    if (l4 !== null) {
      awaiting = null;
      last4 = l4;
      note('urgent-fraud', cardNote(undefined, 'urgent-fraud', l4, null));
      return out({
        text: `${es ? 'Esto es urgente.' : 'This is urgent.'} ${afterLastFour(lang, 'urgent-fraud', l4)}`,
        intent: 'urgent-fraud',
        action: 'urgent-phone',
        quickReplies: qr(lang, 'dispute', 'agent'),
      });
    }
    awaiting = 'last4';
    note('urgent-fraud', cardNote(undefined, 'urgent-fraud', null, null));
    return out({
      text: es
        ? `Esto es urgente: ${PHONE_ROUTE.es}, y detendremos los cargos de inmediato. Mientras tanto puedo bloquear la tarjeta aquí: dime solo sus últimos cuatro dígitos. ${NEVER_ASK.es}`
        : `This is urgent: please ${PHONE_ROUTE.en}, and we will stop the charges right away. Meanwhile I can lock the card here: tell me only its last four digits. ${NEVER_ASK.en}`,
      intent: 'urgent-fraud',
      action: 'urgent-phone',
      quickReplies: qr(lang, 'agent'),
    });
  }

  function agent(): AssistantReply {
    awaiting = null;
    return {
      text: es
        ? 'Te comunico con un agente ahora. Le pasaré un resumen de nuestra conversación para que no tengas que repetir nada. Quédate en este chat, por favor.'
        : "I'll connect you with an agent now. I'll share a summary of our conversation so you don't have to repeat anything. Please stay in this chat.",
      intent: 'agent',
      action: 'queue-for-agent',
      summary: summary(),
    };
  }

  /** The card is identified by its last four: act, or ask the ZIP. */
  function gotLastFour(intent: TaskIntent, l4: string): AssistantReply {
    last4 = l4;
    const def = taskDef(intent);
    note(intent, cardNote(def, intent, l4, null));
    const needsZip = def?.card === 'last4+zip';
    awaiting = needsZip ? 'zip' : null;
    const reply: AssistantReply = {
      text: afterLastFour(lang, intent, l4),
      intent,
      quickReplies: needsZip
        ? qr(lang, 'agent')
        : intent === 'urgent-fraud'
          ? qr(lang, 'dispute', 'agent')
          : nextQuick(...qr(lang, 'unlock')),
    };
    if (intent === 'urgent-fraud') reply.action = 'urgent-phone';
    return out(reply);
  }

  function gotZip(intent: TaskIntent, zip: string): AssistantReply {
    awaiting = null;
    const l4 = last4 ?? '';
    note(intent, cardNote(taskDef(intent), intent, l4, zip));
    return out({
      text: afterZip(lang, intent, l4, zip),
      intent,
      quickReplies: nextQuick(...qr(lang, 'dispute')),
    });
  }

  function gotCharge(c: Charge): AssistantReply {
    awaiting = null;
    charge = c;
    lastTask = 'dispute';
    note('dispute', `Customer wants to dispute ${describeCharge('en', c)} (dispute opened)`);
    return out({
      text: es
        ? `Gracias. Abrí una disputa por ${describeCharge('es', c)} y te enviaremos la confirmación del caso por correo electrónico. ${DISPUTE_TIMELINE.es} No tienes que pagar el importe disputado mientras lo revisamos.`
        : `Thanks. I've opened a dispute for ${describeCharge('en', c)}, and we'll email you the case confirmation. ${DISPUTE_TIMELINE.en} You don't need to pay the disputed amount while we review it.`,
      intent: 'dispute',
      quickReplies: nextQuick(),
    });
  }

  function chargeIn(text: string): Charge {
    const merchant = findMerchant(text) ?? findLeadingMerchant(text);
    return { merchant, amount: findAmount(text), date: findDate(text) };
  }

  function startTask(def: TaskDef, text: string): AssistantReply {
    lastTask = def.intent;
    awaiting = null;
    if (def.card !== undefined) {
      const l4 = findStatedLastFour(text);
      if (l4 !== null) return gotLastFour(def.intent, l4);
      awaiting = 'last4';
      note(def.intent, def.summary);
      return out({
        text: `${def.answer[lang]} ${NEVER_ASK[lang]}`,
        intent: def.intent,
        quickReplies: [...def.quickReplies[lang]],
      });
    }
    if (def.intent === 'dispute') {
      const c = chargeIn(text);
      if (c.amount !== null || c.merchant !== null) return gotCharge(c);
      awaiting = 'dispute-details';
      charge = null;
    }
    note(def.intent, def.summary);
    return out({ text: def.answer[lang], intent: def.intent, quickReplies: [...def.quickReplies[lang]] });
  }

  /** The question still open, to repeat after another answer. */
  function pending(): string {
    if (awaiting === 'last4') return SAFETY[lang].reaskLast4;
    if (awaiting === 'zip') return SAFETY[lang].reaskZip;
    return '';
  }

  function nextSteps(intent: TaskIntent | null): AssistantReply {
    if (intent === null) {
      return {
        text: es
          ? 'Todavía no hemos empezado ningún trámite. ¿En qué puedo ayudarte?'
          : "We haven't started a task yet. What can I help you with?",
        intent: 'next-steps',
        quickReplies: [...MENU[lang]],
      };
    }
    const text = stepsText(intent);
    const open = intent === lastTask ? pending() : '';
    return out({
      text: open === '' ? text : `${text} ${open}`,
      intent: 'next-steps',
      quickReplies: qr(lang, 'agent', 'done'),
    });
  }

  /**
   * The next-steps text of a task (without the question still open). `recapping`: for the
   * end-of-chat recap (names the disputed charge whatever came after it; asks nothing).
   */
  function stepsText(intent: TaskIntent, recapping = false): string {
    let text: string;
    if (intent === 'urgent-fraud') {
      text = es
        ? `Próximos pasos: ${PHONE_ROUTE.es}, para detener los cargos. Luego podrás disputar los cargos que no hiciste. ${DISPUTE_TIMELINE.es}`
        : `Next steps: ${PHONE_ROUTE.en}, so we can stop the charges. Then you can dispute the charges you didn't make. ${DISPUTE_TIMELINE.en}`;
    } else if (intent === 'dispute') {
      const which =
        charge !== null && (lastTask === 'dispute' || recapping)
          ? es
            ? `Tu disputa por ${describeCharge('es', charge)} está abierta. `
            : `Your dispute for ${describeCharge('en', charge)} is open. `
          : '';
      text = `${which}${DISPUTE_TIMELINE[lang]} ${taskDef('dispute')?.next[lang] ?? ''}`;
      if (awaiting === 'dispute-details' && charge === null && !recapping) {
        text += es
          ? ' Para abrirla, dime el comercio, la fecha y el importe del cargo.'
          : ' To open it, tell me the merchant, the date and the amount of the charge.';
      }
    } else {
      text = taskDef(intent)?.next[lang] ?? '';
    }
    return text;
  }

  /** What was discussed and the next steps, in the customer's language (the end-of-chat summary). */
  function recap(): string {
    const tasks = [...notes.keys()];
    if (tasks.length === 0) {
      return es
        ? 'Hablamos de tu cuenta; no se abrió ninguna solicitud en este chat.'
        : 'We talked about your account; no request was opened in this chat.';
    }
    const about = listOf(
      lang,
      tasks.map((t) => TOPIC[t][lang]),
    );
    // The next steps of the last two tasks keep the recap short enough for a summary.
    const steps = tasks
      .slice(-2)
      .map((t) => stepsText(t, true))
      .join(' ');
    return es ? `Hablamos de ${about}. ${steps}` : `We talked about ${about}. ${steps}`;
  }

  /** "What was agreed?" after the case was closed: its summary, and the dispute timeline. */
  function caseAnswer(c: { caseNumber: string; summary: string; tasks: Set<TaskIntent> }): AssistantReply {
    const timeline =
      c.tasks.has('dispute') && !c.summary.includes(DISPUTE_TIMELINE[lang])
        ? ` ${DISPUTE_TIMELINE[lang]}`
        : '';
    return out({
      text: es
        ? `Esto es lo que acordamos (referencia ${c.caseNumber}): ${c.summary}${timeline}`
        : `Here is what was agreed (reference ${c.caseNumber}): ${c.summary}${timeline}`,
      intent: 'case',
      quickReplies: qr(lang, 'agent', 'done'),
    });
  }

  function reply(customerText: string): AssistantReply {
    const text = customerText.slice(0, 2000);
    const ws = words(text);

    // 1. Fraud happening now beats everything; 2. then a request for a person.
    if (matches(ws, URGENT_FRAUD)) return urgent(text);
    if (matches(ws, AGENT)) return agent();

    // 2b. After a case was closed: what was agreed, the reference, its next steps.
    if (closed !== null) {
      const about = detectTask(text)?.intent ?? lastTask;
      const caseNext = matches(ws, NEXT_STEPS) && (about === null || closed.tasks.has(about));
      if (matches(ws, CASE_QUESTION) || caseNext) return caseAnswer(closed);
    }

    // 3. Something card-like (the redactor's mask): remind, use nothing of it.
    if (looksLikeCardNumber(text)) {
      return out({
        text: awaiting === 'last4' ? `${SAFETY[lang].full} ${SAFETY[lang].onlyLast4}` : SAFETY[lang].full,
        intent: lastTask ?? 'unknown',
      });
    }

    const task = detectTask(text);
    const wantsNext = matches(ws, NEXT_STEPS);

    // 4. The answer to the open question (unless the customer moved on to another task).
    if (lastTask !== null && (task === undefined || task.intent === lastTask)) {
      if (awaiting === 'last4') {
        const l4 = findLastFour(text);
        if (l4 !== null) return gotLastFour(lastTask, l4);
      } else if (awaiting === 'zip') {
        const zip = findZip(text);
        if (zip !== null) return gotZip(lastTask, zip);
      } else if (awaiting === 'dispute-details') {
        const c = chargeIn(text);
        const small =
          wantsNext ||
          matches(ws, GOODBYE) ||
          matches(ws, THANKS) ||
          matches(ws, GREETING) ||
          task !== undefined;
        if (c.amount !== null || c.merchant !== null || c.date !== null || !small) return gotCharge(c);
      }
    }

    // 5. Next steps: of the task named in the same message, else of the last one.
    if (wantsNext) return nextSteps(task?.intent ?? lastTask);

    // 6. A task.
    if (task !== undefined) return startTask(task, text);

    // 7. Small talk.
    if (matches(ws, GOODBYE)) {
      awaiting = null;
      return out({
        text: es
          ? 'Gracias por escribirnos. ¡Que tengas un buen día!'
          : 'Thanks for chatting with us. Have a great day!',
        intent: 'goodbye',
      });
    }
    if (matches(ws, THANKS)) {
      const open = pending();
      return out({
        text: es
          ? `De nada. ${open === '' ? '¿Hay algo más en lo que pueda ayudarte?' : open}`
          : `You're welcome. ${open === '' ? 'Is there anything else I can help you with?' : open}`,
        intent: 'thanks',
        quickReplies: lastTask !== null ? qr(lang, 'next', 'agent', 'done') : [...MENU[lang]],
      });
    }
    if (matches(ws, GREETING)) {
      return out({
        text: es ? '¡Hola! ¿En qué puedo ayudarte hoy?' : 'Hello! What can I help you with today?',
        intent: 'greeting',
        quickReplies: [...MENU[lang]],
      });
    }

    // 8. An open question not answered: ask again.
    if (lastTask !== null && (awaiting === 'last4' || awaiting === 'zip')) {
      return out({ text: pending(), intent: lastTask, quickReplies: qr(lang, 'agent') });
    }
    return out({
      text: es
        ? 'Perdona, no lo he entendido. Puedo ayudarte con estas tareas o comunicarte con un agente:'
        : "Sorry, I didn't understand that. I can help you with these tasks, or connect you with an agent:",
      intent: 'unknown',
      quickReplies: [...MENU[lang]],
    });
  }

  return {
    state(): AssistantState {
      return {
        lastTask,
        awaiting,
        last4,
        charge: charge ? { ...charge } : null,
        notes: [...notes.entries()],
        closed: closed
          ? { caseNumber: closed.caseNumber, summary: closed.summary, tasks: [...closed.tasks] }
          : null,
      };
    },
    greet(): AssistantReply {
      return {
        text: es
          ? `Hola, soy el asistente virtual. ¿En qué puedo ayudarte hoy? ${NEVER_ASK.es}`
          : `Hi, I'm the virtual assistant. How can I help you today? ${NEVER_ASK.en}`,
        intent: 'greeting',
        quickReplies: [...MENU[lang]],
      };
    },
    reply,
    summary,
    recap,
    closeCase(caseNumber: string, caseSummary: string): void {
      awaiting = null;
      closed = { caseNumber, summary: caseSummary, tasks: new Set(notes.keys()) };
    },
    observe(customerText: string): void {
      const text = customerText.slice(0, 2000);
      if (looksLikeCardNumber(text)) return;
      const def = detectTask(text);
      if (def === undefined) return;
      lastTask = def.intent;
      awaiting = null;
      if (def.intent === 'dispute') {
        const c = chargeIn(text);
        if (c.amount !== null || c.merchant !== null) {
          charge = c;
          note('dispute', `Customer wants to dispute ${describeCharge('en', c)}`);
          return;
        }
      }
      if (!notes.has(def.intent)) note(def.intent, def.summary);
    },
    lastTask: () => lastTask,
    nextSteps(intent?: TaskIntent): string {
      const which = intent ?? lastTask;
      return which === null ? '' : stepsText(which);
    },
  };
}

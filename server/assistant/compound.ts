/**
 * A message that asks for several things at once ("I lost my card and also when is my payment
 * due?"): its parts, split at "and", "also", "y también", a question mark or a semicolon, each
 * read on its own. It counts only when at least two parts name different tasks and one of them
 * is the task the whole message names, so that "I lost my job and can't pay" stays one task.
 */
import { isAction } from './actions.js';
import { qr } from './intents.js';
import { detectTask } from './match.js';
import { TOPIC, listOf } from './topics.js';
import type { ActionIntent, AssistantReply, Lang, TaskDef, TaskIntent } from './types.js';

const SPLIT =
  /\s*(?:[;?!]+|\.\s+|,?\s+(?:and also|and then|and|also|plus|as well as|y tambien|y también|y además|y ademas|y luego|además|ademas|también|tambien|y)\s+)\s*/iu;

/** The parts of `text` that name different tasks, in order, with their own text; [] for one task. */
export function taskParts(text: string): { def: TaskDef; text: string }[] {
  const whole = detectTask(text);
  if (whole === undefined) return [];
  const parts: { def: TaskDef; text: string }[] = [];
  for (const part of text.split(SPLIT)) {
    const def = part.trim() === '' ? undefined : detectTask(part);
    if (def !== undefined && !parts.some((p) => p.def.intent === def.intent)) parts.push({ def, text: part });
  }
  return parts.length >= 2 && parts.some((p) => p.def.intent === whole.intent) ? parts : [];
}

/** What `several` needs of the conversation (index.ts). */
export interface Runner {
  /** A question answered: into the record. */
  answered(intent: TaskIntent): void;
  /** An action asked for and left for later: into the record as not done. */
  later(intent: ActionIntent): void;
  /** Starts a task as if it were the whole message. */
  start(def: TaskDef, text: string): AssistantReply;
  /** The last task discussed. */
  last(intent: TaskIntent): void;
  /** A question's answer (from the cardmember's profile when there is one); default: the table's. */
  answerOf?(def: TaskDef): string;
}

/**
 * Several tasks in one message: each question answered in turn, then the first action begun
 * ("Now, about a lost or stolen card: …"); the actions after it are named for later and
 * recorded as asked for, not done.
 */
export function several(lang: Lang, parts: { def: TaskDef; text: string }[], run: Runner): AssistantReply {
  const es = lang === 'es';
  const questions = parts.filter((p) => !isAction(p.def.intent));
  const [first, ...later] = parts.filter((p) => isAction(p.def.intent));
  const said = questions.map((p, i) => {
    run.answered(p.def.intent);
    run.last(p.def.intent);
    const answer = run.answerOf?.(p.def) ?? p.def.answer[lang];
    if (i === 0) return answer;
    const topic = TOPIC[p.def.intent][lang];
    return `${es ? `Además, sobre ${topic}:` : `Also, about ${topic}:`} ${answer}`;
  });
  if (first === undefined) {
    return {
      text: said.join(' '),
      intent: questions[0]?.def.intent ?? 'unknown',
      quickReplies: qr(lang, 'agent', 'done'),
    };
  }
  const begun = run.start(first.def, first.text);
  const topic = TOPIC[first.def.intent][lang];
  const lead =
    said.length === 0 ? '' : `${said.join(' ')} ${es ? `Ahora, sobre ${topic}:` : `Now, about ${topic}:`} `;
  let then = '';
  if (later.length > 0) {
    for (const p of later) if (isAction(p.def.intent)) run.later(p.def.intent);
    const topics = listOf(
      lang,
      later.map((p) => TOPIC[p.def.intent][lang]),
    );
    then = es
      ? ` Cuando terminemos, puedo ayudarle con ${topics}.`
      : ` When that is done, I can help with ${topics}.`;
  }
  return { ...begun, text: `${lead}${begun.text}${then}` };
}

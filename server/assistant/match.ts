/**
 * Trigger matching (see Triggers in types.ts): each rule's phrases compiled once, then matched
 * on a message's normalized words; and the questions other modules ask of a message.
 */
import { AGENT, GOODBYE, LEAVE_QUEUE, LEAVE_QUEUE_WEAK, PERSON_REQUEST, TASKS, THANKS } from './intents.js';
import type { TaskDef, Triggers } from './intents.js';
import { hasAny, phrase, words } from './text.js';
import type { Phrase } from './text.js';

interface Matcher {
  any: Phrase[];
  all: Phrase[][];
  allOf: Phrase[][][];
  except: Phrase[];
}

const compiled = new WeakMap<Triggers, Matcher>();

function matcher(t: Triggers): Matcher {
  let m = compiled.get(t);
  if (m === undefined) {
    m = {
      any: (t.any ?? []).map(phrase),
      all: (t.all ?? []).map((group) => group.map(phrase)),
      allOf: (t.allOf ?? []).map((groups) => groups.map((group) => group.map(phrase))),
      except: (t.except ?? []).map(phrase),
    };
    compiled.set(t, m);
  }
  return m;
}

/** Whether the words of a message fire `t` (see Triggers). */
export function matches(ws: readonly string[], t: Triggers): boolean {
  const m = matcher(t);
  if (hasAny(ws, m.except)) return false;
  if (hasAny(ws, m.any)) return true;
  if (m.all.length > 0 && m.all.every((group) => hasAny(ws, group))) return true;
  return m.allOf.some((groups) => groups.every((group) => hasAny(ws, group)));
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

/**
 * A message that names an agent asks for one; in a complaint (`complaining`), only a short one
 * ("agent") or one that asks in so many words.
 */
export function asksForPerson(ws: string[], complaining: boolean): boolean {
  return !complaining || ws.length <= 3 || matches(ws, PERSON_REQUEST);
}

/**
 * The server's Spanish addresses the customer as "usted", in neutral Latin-American Spanish:
 * every notice for every team, the simulated agent's lines, the assistant's tables (answers,
 * next steps, quick replies, safety lines), its replies to a set of Spanish conversations, and
 * the states gallery's scripted copies of them (demo/fixtures/states.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEAMS } from '../../src/protocol.js';
import type { QuickReply } from '../../src/protocol.js';
import { ASSISTANT_NAME, TOPIC, createAssistant, memoryDesk } from '../../server/assistant/index.js';
import { TASKS } from '../../server/assistant/intents.js';
import {
  DISPUTE_TIMELINE,
  MENU,
  NEVER_ASK,
  PHONE_ROUTE,
  QR,
  SAFETY,
  TO_AGENT,
  URGENT_ASK,
  confirmQuick,
  hiddenNotice,
} from '../../server/assistant/phrases.js';
import * as notices from '../../server/notices.js';
import { STATE_IDS, fixtureFor } from '../../demo/fixtures/states.js';
import { GENDERED_SPANISH, INFORMAL_SPANISH } from '../support/informal-spanish.js';

/** The texts that read as "tú", as Spain's Spanish, or that assume a gender, with where they came from. */
function offenders(texts: readonly (readonly [string, string])[]): string[] {
  return texts
    .filter(([, text]) => INFORMAL_SPANISH.test(text) || GENDERED_SPANISH.test(text))
    .map(([where, text]) => `${where}: ${text}`);
}

const quick = (where: string, replies: readonly QuickReply[]): [string, string][] =>
  replies.flatMap((r, i) => [
    [`${where}[${i}].label`, r.label],
    [`${where}[${i}].value`, r.value],
  ]);

describe('the server speaks Spanish as "usted"', () => {
  it('the check itself catches the informal and gendered forms it is for', () => {
    const caught = [
      'Tu número de referencia es AMX-1.',
      'Estás en la fila.',
      '¿En qué puedo ayudarte hoy?',
      'Quédate en este chat.',
      'Puedo comunicarlo con un agente.',
      'Haga clic en el ordenador.',
    ];
    assert.deepEqual(
      offenders(caught.map((t) => ['sample', t])),
      caught.map((t) => `sample: ${t}`),
    );
    const fine = [
      'Su número de referencia es AMX-1.',
      'La tarjeta vuelve a funcionar.',
      'Le comunico con un agente.',
    ];
    assert.deepEqual(offenders(fine.map((t) => ['sample', t])), []);
  });

  it('every notice, for every team, and the simulated agent of every team', () => {
    const texts: [string, string][] = [
      ['queued', notices.queued('es')],
      ['alreadyQueued', notices.alreadyQueued('es', 2)],
      ['alreadyWithAgent', notices.alreadyWithAgent('es', 'Ana')],
      ['queueFull', notices.queueFull('es')],
      ['leftQueue', notices.leftQueue('es')],
      ['agentLeft', notices.agentLeft('es', 'Ana')],
      ['anyAgent', notices.anyAgent('es')],
      ['ended', notices.ended('es', 'AMX-00000000', 'Resumen.')],
      ['simAnswer empty', notices.simAnswer('es', '')],
      ['simAnswer', notices.simAnswer('es', 'Pasos.')],
      ['simGoodbye', notices.simGoodbye('es')],
    ];
    for (const team of TEAMS) {
      const agent = notices.SIMULATED_AGENT_NAME[team];
      texts.push(
        [`agentJoined ${team}`, notices.agentJoined('es', agent, team)],
        [`transferred ${team}`, notices.transferred('es', agent, team)],
        [`simGreeting ${team}`, notices.simGreeting('es', agent, team, undefined)],
        [`simTransferring ${team}`, notices.simTransferring('es', team)],
      );
      for (const [task, topic] of Object.entries(TOPIC)) {
        texts.push([`simGreeting ${team} ${task}`, notices.simGreeting('es', agent, team, topic.es)]);
      }
    }
    assert.equal(texts.length, 11 + TEAMS.length * (4 + Object.keys(TOPIC).length));
    assert.deepEqual(offenders(texts), []);
  });

  it("the assistant's tables: every task's answer, next steps and quick replies, and its set phrases", () => {
    const texts: [string, string][] = [
      ['ASSISTANT_NAME', ASSISTANT_NAME.es],
      ['NEVER_ASK', NEVER_ASK.es],
      ['DISPUTE_TIMELINE', DISPUTE_TIMELINE.es],
      ['PHONE_ROUTE', PHONE_ROUTE.es],
      ['URGENT_ASK', URGENT_ASK.es],
      ['TO_AGENT', TO_AGENT.es],
      ...Object.entries(SAFETY.es).map(([key, text]): [string, string] => [`SAFETY.${key}`, text]),
      ...Object.entries(QR).flatMap(([name, reply]) => quick(`QR.${name}`, [reply.es])),
      ...quick('MENU', MENU.es),
      ...quick('confirmQuick', confirmQuick('es')),
      ['hiddenNotice ssn', hiddenNotice('es', ['ssn'])],
      ['hiddenNotice password', hiddenNotice('es', ['password'])],
      ['hiddenNotice both', hiddenNotice('es', ['ssn', 'password'])],
    ];
    for (const task of TASKS) {
      texts.push(
        [`${task.intent}.answer`, task.answer.es],
        [`${task.intent}.next`, task.next.es],
        ...quick(`${task.intent}.quickReplies`, task.quickReplies.es),
      );
    }
    assert.ok(TASKS.length >= 20, `${TASKS.length} tasks`);
    assert.deepEqual(offenders(texts), []);
  });

  it("the assistant's replies to Spanish conversations (menu, actions, cases, small talk)", () => {
    const conversations: readonly (readonly string[])[] = [
      ['Hola'],
      ['asdf qwerty'],
      ...MENU.es.map((r) => [r.value, 'próximos pasos']),
      ...Object.values(QR).map((r) => [r.es.value]),
      ['Quiero disputar un cargo', 'no sé', 'no sé', 'no sé'],
      ['Quiero bloquear mi tarjeta', '1005', 'no', 'cancelar'],
      ['Quiero desbloquear mi tarjeta', '1005', 'sí'],
      ['Quiero poner una queja', 'me cobraron dos veces', 'sí'],
      ['¿Cuál es el estado de AMX-00000000?'],
      ['Mi número de tarjeta es 4111 1111 1111 1111'],
      ['Me están haciendo cargos que no reconozco ahora mismo'],
      ['Gracias', 'Adiós'],
    ];
    const texts: [string, string][] = [];
    conversations.forEach((messages, n) => {
      const assistant = createAssistant('es', undefined, { desk: memoryDesk() });
      for (const message of messages) {
        const reply = assistant.reply(message);
        texts.push(
          [`#${n} "${message}"`, reply.text],
          ...quick(`#${n} "${message}"`, reply.quickReplies ?? []),
        );
      }
    });
    // A complaint the desk cannot file now.
    const down = { ...memoryDesk(), fileComplaint: (): string => assert.fail('the desk is down') };
    const failing = createAssistant('es', undefined, { desk: down });
    for (const message of ['Quiero poner una queja', 'me cobraron dos veces', 'sí']) {
      texts.push([`desk down "${message}"`, failing.reply(message).text]);
    }
    assert.match(texts.at(-1)?.[1] ?? '', /No pude registrar su queja/);
    assert.ok(texts.length > 60, `${texts.length} texts`);
    assert.deepEqual(offenders(texts), []);
  });

  it("the states gallery's scripted Spanish, which copies the server's", () => {
    const texts: [string, string][] = [];
    const strings = (where: string, value: unknown): void => {
      if (typeof value === 'string') texts.push([where, value]);
      else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) strings(`${where}.${key}`, inner);
      }
    };
    for (const id of STATE_IDS) strings(id, fixtureFor(id, 'es'));
    assert.ok(
      texts.some(([, text]) => text.startsWith('Este chat terminó.')),
      'the end notice is walked',
    );
    assert.deepEqual(offenders(texts), []);
  });
});

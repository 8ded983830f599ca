/**
 * Test support for the assistant's tests (not a test file): one message to a fresh assistant,
 * a whole conversation, its last reply, and realistic phrasings of every intent.
 */
import assert from 'node:assert/strict';
import { createAssistant } from '../../server/assistant/index.js';
import type { AssistantReply, Intent, Lang } from '../../server/assistant/index.js';
/** One fresh assistant, one message. */
export function first(lang: Lang, text: string): AssistantReply {
  return createAssistant(lang).reply(text);
}

/** Several messages in one conversation; every reply. */
export function talk(lang: Lang, ...texts: string[]): AssistantReply[] {
  const a = createAssistant(lang);
  return texts.map((t) => a.reply(t));
}

/** The last reply of a conversation (fails the test when there is none). */
export function last(replies: AssistantReply[]): AssistantReply {
  const r = replies[replies.length - 1];
  assert.ok(r);
  return r;
}

/** Realistic phrasings of every intent, both languages (Spanish with and without accents). */
export const PHRASINGS: readonly [Intent, Lang, string][] = [
  ['dispute', 'en', 'I want to dispute a charge'],
  ['dispute', 'en', "There's a charge on my statement I don't recognize"],
  ['dispute', 'en', 'I was charged twice for the same order'],
  ['dispute', 'es', 'Quiero disputar un cargo'],
  ['dispute', 'es', 'Hay un cargo que no reconozco'],
  ['lost-stolen', 'en', 'I lost my card'],
  ['lost-stolen', 'en', 'My wallet was stolen last night'],
  ['lost-stolen', 'en', "I can't find my card anywhere"],
  ['lost-stolen', 'es', 'Perdí mi tarjeta'],
  ['lost-stolen', 'es', 'perdi mi tarjeta'],
  ['lost-stolen', 'es', 'Me robaron la cartera'],
  ['damaged', 'en', 'My card is damaged and the chip does not work'],
  ['damaged', 'es', 'Mi tarjeta está dañada'],
  ['damaged', 'es', 'mi tarjeta esta rota'],
  ['lock', 'en', 'Can you freeze my card?'],
  ['lock', 'es', 'Quiero bloquear mi tarjeta'],
  ['unlock', 'en', 'Please unlock my card, I found it'],
  ['unlock', 'es', 'Quiero desbloquear mi tarjeta'],
  ['payment-due', 'en', 'When is my payment due?'],
  ['payment-due', 'es', '¿Cuándo vence mi pago?'],
  ['payment-due', 'es', 'cual es mi fecha de pago'],
  ['payment-assistance', 'en', "I lost my job and can't pay this month"],
  ['payment-assistance', 'en', 'Do you have a payment plan for hardship?'],
  ['payment-assistance', 'es', 'No puedo pagar este mes'],
  ['late-fee', 'en', 'Why was I charged a late fee?'],
  ['late-fee', 'es', 'Me cobraron un cargo por pago tardío'],
  ['late-fee', 'es', 'tengo un cargo por mora'],
  ['rewards', 'en', 'How many rewards points do I have?'],
  ['rewards', 'es', '¿Cuántos puntos tengo?'],
  ['pay-with-points', 'en', 'Can I use my points to pay for a purchase?'],
  ['pay-with-points', 'es', 'Quiero pagar con puntos'],
  ['authorized-user-add', 'en', 'I want to add an authorized user for my wife'],
  ['authorized-user-add', 'es', 'Quiero agregar un usuario autorizado'],
  ['authorized-user-add', 'es', 'Quiero añadir a una persona autorizada a mi cuenta'],
  ['authorized-user-remove', 'en', 'Please remove my son as an authorized user'],
  ['authorized-user-remove', 'es', 'Quiero eliminar a un usuario autorizado'],
  ['contact', 'en', 'What is your phone number?'],
  ['contact', 'es', '¿Cuál es su teléfono de atención al cliente?'],
  ['contact', 'es', 'cual es su telefono'],
  ['credit-limit', 'en', 'Can I increase my credit limit?'],
  ['credit-limit', 'es', 'Quiero aumentar mi límite de crédito'],
  ['credit-limit', 'es', 'quiero aumentar mi limite'],
  ['travel', 'en', 'I need to change my hotel booking'],
  ['travel', 'en', 'Can I book a flight with my card?'],
  ['travel', 'es', 'Necesito cambiar mi reserva de vuelo'],
  ['urgent-fraud', 'en', 'Someone is using my card!'],
  ['urgent-fraud', 'en', 'There are unauthorized charges happening right now'],
  ['urgent-fraud', 'es', 'Alguien está usando mi tarjeta'],
  ['urgent-fraud', 'es', 'hay cargos no autorizados ahora mismo'],
  ['agent', 'en', 'I want to talk to an agent'],
  ['agent', 'en', 'representative please'],
  ['agent', 'en', 'Can I speak to a live person?'],
  ['agent', 'es', 'Quiero hablar con un agente'],
  ['agent', 'es', 'representante'],
  ['agent', 'es', 'Necesito hablar con alguien'],
  ['agent', 'es', 'quiero hablar con una persona'],
  ['greeting', 'en', 'Hello'],
  ['greeting', 'es', 'Buenos días'],
  ['thanks', 'en', 'Thank you!'],
  ['thanks', 'es', 'Muchas gracias'],
  ['goodbye', 'en', "That's all, bye"],
  ['goodbye', 'es', 'Eso es todo, adiós'],
  ['unknown', 'en', 'asdf qwerty'],
  ['unknown', 'es', 'el perro come pizza'],
];

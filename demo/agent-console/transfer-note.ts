/**
 * The transfer controls' logic, kept out of the element: what a change of the team or the note
 * changes, and the frame a Transfer press sends (or why it may not be sent). The note is for the
 * next team only; the server redacts it and refuses one over MAX_TRANSFER_NOTE as well.
 */
import { MAX_TRANSFER_NOTE, isTeam } from '../../src/agent-protocol.js';
import type { TransferFrame } from '../../src/agent-protocol.js';
import type { Conversation } from './model.js';

/** The change a transfer field makes: the team (`name="team"`) or the note (`name="note"`). */
export function transferFieldChange(field: { name: string; value: string }): Partial<Conversation> | null {
  const { name, value } = field;
  if (name === 'note') return { transferNote: value };
  return isTeam(value) ? { transferTeam: value } : null;
}

/** The frame for Transfer, or the note's error (said once, by the note field's description). */
export function transferRequest(c: Conversation): TransferFrame | { error: string } {
  const note = c.transferNote.trim();
  if (note.length > MAX_TRANSFER_NOTE) {
    return {
      error: `The note is too long: it has ${note.length} characters, and at most ${MAX_TRANSFER_NOTE} are allowed. Shorten it to transfer.`,
    };
  }
  const frame: TransferFrame = { type: 'transfer', conversationId: c.id, team: c.transferTeam };
  if (note !== '') frame.note = note;
  return frame;
}

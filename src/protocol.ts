/**
 * The amex-chat wire protocol, shared by the widget (`src/`) and the reference server
 * (`server/`): the frames and limits (protocol/frames.ts), reading frames off the wire
 * (protocol/parse.ts) and the one check of client frames (protocol/check.ts; the agent
 * console's in protocol/check-agent.ts). `docs/protocol.md` is the human-readable version.
 *
 * Nothing here knows about anything else: no DOM, no Node, no redaction.
 */
export * from './protocol/frames.js';
export { parseFrameObject, parseServerFrame } from './protocol/parse.js';
export { parseClientFrame } from './protocol/check.js';

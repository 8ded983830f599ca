/**
 * The reference server's check of every client frame: the protocol's own check (one for the
 * widget and the server: src/protocol/check.ts, and src/protocol/check-agent.ts for consoles),
 * re-exported here for the server's endpoints. Its error names the field at fault and is
 * answered as `bad-frame`; limits of the customer's or agent's own text are the handlers'.
 */
export { FIELD_LIMITS, checkClientFrame, messageIdOf } from '../src/protocol/check.js';
export type { Checked } from '../src/protocol/check.js';
export { checkAgentFrame } from '../src/protocol/check-agent.js';
export type { AgentHello, CheckedAgentFrame } from '../src/protocol/check-agent.js';
export { readFrame } from '../src/protocol/parse.js';

/**
 * The identity check (protocol 1.5 `verify` frames) in a chunk of its own, `identity-check-*.js`:
 * its controller, strip, rules and words, loaded when the server asks for a check (or ahead of it,
 * when an agent joins), so that a chat without one does not download it. The panel's side is
 * ./verify-slot.ts.
 */
export { VerifyController } from '../controllers/verification.js';
export { verifyPanelStyles } from './verify-panel.styles.js';

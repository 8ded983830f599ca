/**
 * Registers `<agent-console>`: the one module with that side effect, so that importing the class
 * (tests, types) defines nothing. demo/agent.html loads this.
 */
import { AgentConsoleElement } from '../agent-console.js';

export { AgentConsoleElement };

if (!customElements.get('agent-console')) customElements.define('agent-console', AgentConsoleElement);

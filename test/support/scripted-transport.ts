// The scripted server for component tests: the same one the states gallery plays its examples
// with (demo/fixtures/scripted-transport.ts), so there is one implementation of it.
export { ScriptedServer } from '../../demo/fixtures/scripted-transport.js';
export type { ScriptedEvent } from '../../demo/fixtures/scripted-transport.js';

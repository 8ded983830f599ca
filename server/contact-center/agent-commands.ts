/**
 * What a signed-in console may do, one checked frame at a time inside a transaction: sign in
 * (`agent-hello`, with the shared secret when the server has one; its teams and languages say
 * what it may take, see routing.ts), accept a waiting
 * conversation, say, type, transfer, end, and switch the simulated agent. Refusals are `error`
 * frames that name the problem, never the content.
 */
import { MAX_AGENT_TEXT, MAX_TRANSFER_NOTE } from '../../src/agent-protocol.js';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import { PROTOCOL_VERSION } from '../../src/protocol.js';
import { redact } from '../../src/redaction/index.js';
import { versionRefusal } from '../chat-server/pipeline.js';
import type { ErrorCode } from '../../src/protocol.js';
import { broadcast, say } from '../conversation.js';
import type { AgentInfo, Conversation } from '../model.js';
import { secretMatches } from '../secret.js';
import { tx } from '../transaction.js';
import type { AgentHello, CheckedAgentFrame } from '../../src/protocol/check-agent.js';
import type { Lifecycle } from './lifecycle.js';
import type { Queue } from './queue.js';
import { answeringTeam, languageName, speaks, takesTeam } from './routing.js';
import type { SimulatedAgent } from './simulated-agent.js';
import type { AgentSession, CenterContext } from './types.js';

export type AgentCommands = ReturnType<typeof createAgentCommands>;

/** The commands of this instance's consoles; `dispatchAgent` runs inside a transaction. */
export function createAgentCommands(
  ctx: CenterContext,
  queue: Queue,
  lifecycle: Lifecycle,
  simulated: SimulatedAgent,
) {
  const { center, find, stats, log, deps } = ctx;
  const { changed } = queue;
  const { accept, end, transfer } = lifecycle;
  const { setSimulate } = simulated;

  /** A frame to a console, in order with the transaction's other frames. */
  function emitTo(agent: AgentSession, frame: AgentServerFrame): void {
    tx().emit({ to: 'agent', agentId: agent.id, frame });
  }

  function errorFrame(
    code: ErrorCode,
    message: string,
    id?: string,
    conversationId?: string,
  ): AgentServerFrame {
    stats.errors += 1;
    const frame: AgentServerFrame = { type: 'error', code, message };
    if (id !== undefined) frame.id = id;
    if (conversationId !== undefined) frame.conversationId = conversationId;
    return frame;
  }

  function fail(
    agent: AgentSession,
    code: ErrorCode,
    message: string,
    id?: string,
    conversationId?: string,
  ): void {
    emitTo(agent, errorFrame(code, message, id, conversationId));
  }

  /** The conversation `id` if this agent holds it; otherwise an error, and undefined. */
  function held(agent: AgentSession, id: string, frameId?: string): Conversation | undefined {
    const conversation = find(id);
    if (!conversation) {
      fail(agent, 'not-found', 'No such conversation.', frameId, id);
      return undefined;
    }
    if (conversation.owner?.agentId !== agent.id) {
      fail(agent, 'forbidden', 'This conversation is not yours.', frameId, id);
      return undefined;
    }
    return conversation;
  }

  function hello(agent: AgentSession, frame: AgentHello): void {
    const refusal = versionRefusal(frame.v);
    if (refusal !== undefined) {
      fail(agent, 'unsupported-version', refusal);
      tx().after(() => agent.ws.close(4000, 'unsupported-version'));
      return;
    }
    if (deps.agentSecret !== undefined && !secretMatches(deps.agentSecret, frame.secret)) {
      fail(
        agent,
        'auth-failed',
        frame.secret === undefined
          ? 'This server needs the agent console secret.'
          : 'The agent console secret was refused.',
      );
      tx().after(() => agent.ws.close(4003, 'auth-failed'));
      agent.link.authFailed();
      log({ msg: 'agent auth refused', secret: frame.secret === undefined ? 'missing' : 'wrong' });
      return;
    }
    agent.link.signedIn();
    clearTimeout(agent.helloTimer);
    if (agent.ws.readyState !== agent.ws.OPEN) return;
    agent.ready = true;
    const info: AgentInfo = {
      id: agent.id,
      name: frame.name,
      team: frame.team,
      instance: tx().instance,
      conversations: [],
    };
    if (frame.teams !== undefined) info.teams = frame.teams.filter((t) => t !== frame.team);
    if (frame.languages !== undefined) info.languages = frame.languages;
    center().agents[agent.id] = info;
    emitTo(agent, { type: 'agent-welcome', v: PROTOCOL_VERSION, agentId: agent.id });
    // The download key goes to this console only, once stored: never through the store.
    const uploads = deps.uploads;
    if (uploads) tx().after(() => agent.send({ type: 'document-key', key: uploads.agentKey(agent.id) }));
    log({
      msg: 'agent signed in',
      agent: agent.id,
      team: frame.team,
      teams: info.teams ?? [],
      languages: info.languages ?? 'any',
    });
    changed();
  }

  function acceptFrame(agent: AgentSession, info: AgentInfo, id: string): void {
    const conversation = find(id);
    if (conversation?.phase === 'agent' && conversation.owner?.agentId === agent.id) {
      // Accepted twice: nothing changes.
      return;
    }
    if (conversation?.phase === 'agent') {
      fail(agent, 'taken', 'Another agent has this conversation.', undefined, id);
      return;
    }
    if (conversation?.phase !== 'queued') {
      fail(agent, 'not-found', 'This conversation is not waiting.', undefined, id);
      return;
    }
    if (!takesTeam(info, conversation.team)) {
      fail(
        agent,
        'forbidden',
        `Only the ${conversation.team} team or a supervisor can take this conversation.`,
        undefined,
        id,
      );
      return;
    }
    if (!conversation.anyLanguage && !speaks(info, conversation.lang)) {
      fail(
        agent,
        'forbidden',
        `This conversation waits for an agent who speaks ${languageName(conversation.lang)}; any agent may take it if none has after the language wait.`,
        undefined,
        id,
      );
      return;
    }
    const team = answeringTeam(info, conversation.team);
    accept({ kind: 'person', name: info.name, team, agentId: agent.id }, conversation);
  }

  function dispatchAgent(agent: AgentSession, frame: CheckedAgentFrame): void {
    if (frame.type === 'ping') {
      emitTo(agent, { type: 'pong' });
      return;
    }
    if (frame.type === 'agent-hello') {
      if (!agent.ready) hello(agent, frame);
      return;
    }
    const info = center().agents[agent.id];
    if (!agent.ready || !info) {
      fail(agent, 'not-ready', 'Send agent-hello first.', frame.type === 'say' ? frame.id : undefined);
      return;
    }
    switch (frame.type) {
      case 'accept':
        acceptFrame(agent, info, frame.conversationId);
        return;
      case 'say': {
        const conversation = held(agent, frame.conversationId, frame.id);
        if (!conversation) return;
        const known = conversation.agentSeen.get(frame.id);
        if (known !== undefined) {
          emitTo(agent, { type: 'ack', id: frame.id, seq: known });
          return;
        }
        if (frame.text.length > MAX_AGENT_TEXT) {
          fail(agent, 'too-long', `Messages are limited to ${MAX_AGENT_TEXT} characters.`, frame.id);
          return;
        }
        if (frame.text.trim() === '') {
          fail(agent, 'bad-frame', 'The message is empty.', frame.id);
          return;
        }
        // Agent text goes through the redactor too: no path carries a secret.
        const text = redact(frame.text, { lang: conversation.lang }).text;
        const event = say(conversation, 'agent', info.name, { text });
        conversation.agentSeen.set(frame.id, event.seq);
        emitTo(agent, { type: 'ack', id: frame.id, seq: event.seq });
        return;
      }
      case 'typing': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        broadcast(conversation, { type: 'typing', from: 'agent', name: info.name, active: frame.active });
        return;
      }
      case 'transfer': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        if (frame.note !== undefined && frame.note.length > MAX_TRANSFER_NOTE) {
          fail(
            agent,
            'too-long',
            `Transfer notes are limited to ${MAX_TRANSFER_NOTE} characters.`,
            undefined,
            conversation.id,
          );
          return;
        }
        // Agent text goes through the redactor before it is kept or shown to anyone.
        const note = redact(frame.note?.trim() ?? '', { lang: conversation.lang }).text;
        transfer(conversation, frame.team, note === '' ? undefined : note);
        return;
      }
      case 'end': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        if (frame.summary.length > MAX_AGENT_TEXT) {
          fail(
            agent,
            'too-long',
            `Summaries are limited to ${MAX_AGENT_TEXT} characters.`,
            undefined,
            conversation.id,
          );
          return;
        }
        const summary = redact(frame.summary.trim(), { lang: conversation.lang }).text;
        end(conversation, summary === '' ? conversation.assistant.recap() : summary, 'ended');
        return;
      }
      case 'request-upload': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        const refused = deps.uploads ? deps.uploads.request(conversation, frame.text) : 'Uploads are off.';
        if (refused !== undefined) fail(agent, 'bad-frame', refused, undefined, conversation.id);
        return;
      }
      case 'simulate':
        setSimulate(frame.enabled);
        return;
      case 'verify': {
        const conversation = held(agent, frame.conversationId);
        if (!conversation) return;
        if (deps.verifications.request(conversation, 'agent') === 'unavailable') {
          fail(
            agent,
            'forbidden',
            'Identity checks are not set up for this customer.',
            undefined,
            conversation.id,
          );
        }
        return;
      }
    }
  }

  return { errorFrame, emitTo, dispatchAgent };
}

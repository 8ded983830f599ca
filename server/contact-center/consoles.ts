/**
 * The console WebSockets at `/agent` on this instance: the hello deadline, each raw frame
 * budgeted, read and checked before it runs as an agent command, delivery of console frames,
 * and signing people out when their console or their instance is gone (their conversations go
 * back in line, first taken first).
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { AgentServerFrame } from '../../src/agent-protocol.js';
import { closeWebSocket, sendBounded } from '../connections.js';
import { notify } from '../conversation.js';
import { INTERNAL_ERROR_TEXT } from '../errors.js';
import type { AgentInfo } from '../model.js';
import * as text from '../notices.js';
import { checkAgentFrame } from '../../src/protocol/check-agent.js';
import { messageIdOf } from '../../src/protocol/check.js';
import { readFrame } from '../../src/protocol/parse.js';
import { decodeRaw, failNow, startHelloTimer, takeFrame, transact } from '../chat-server/pipeline.js';
import type { FramePort } from '../chat-server/pipeline.js';
import type { AgentCommands } from './agent-commands.js';
import type { Lifecycle } from './lifecycle.js';
import type { Queue } from './queue.js';
import type { AgentLink, AgentSession, CenterContext } from './types.js';

/** The console sockets of this instance; sign-outs run in their own transactions. */
export function createConsoles(
  ctx: CenterContext,
  queue: Queue,
  lifecycle: Lifecycle,
  commands: AgentCommands,
) {
  const { store, center, find, stats, log, deps } = ctx;
  const { changed, enqueue, signedIn, scheduleAllSimulated } = queue;
  const { release } = lifecycle;
  const { dispatchAgent, emitTo } = commands;
  const reports = { stats, log, internalError: deps.internalError, flooded: deps.flooded };
  /** Consoles whose socket is on this instance, by agent id. */
  const sessions = new Map<string, AgentSession>();
  let closing = false;

  /** The pipeline's view of a console socket. */
  function portOf(agent: AgentSession): FramePort {
    return {
      kind: 'agent',
      get closed() {
        return agent.ws.readyState !== agent.ws.OPEN;
      },
      sendNow: (frame) => agent.send(frame),
      close: (code, reason, hard) => closeWebSocket(agent.ws, code, reason, hard),
    };
  }

  /**
   * One raw console frame (`null`: a binary frame) through the pipeline (chat-server/pipeline.ts):
   * every frame takes from the budget, then is checked, then runs in a transaction; never throws.
   */
  function receiveAgent(agent: AgentSession, port: FramePort, raw: string | null): void {
    if (port.closed) return;
    const read = raw === null ? { error: 'Binary frames are not supported.' } : readFrame(raw);
    const id = 'data' in read && read.data.type === 'say' ? messageIdOf(read.data) : undefined;
    if (!takeFrame(port, reports, agent.link.budget, id)) return;
    if ('error' in read) {
      failNow(port, reports, 'bad-frame', read.error);
      return;
    }
    const checked = checkAgentFrame(read.data);
    if (!checked.ok) {
      failNow(port, reports, 'bad-frame', checked.error, checked.id);
      return;
    }
    if (checked.frame.type === 'ping') {
      port.sendNow({ type: 'pong' });
      return;
    }
    const frame = checked.frame;
    transact(
      store,
      port,
      reports,
      `agent ${frame.type}`,
      () => dispatchAgent(agent, frame),
      () => emitTo(agent, { type: 'error', code: 'internal', message: INTERNAL_ERROR_TEXT }),
    );
  }

  /** A person is gone (their console closed, or their instance died): their conversations go back in line. */
  function signOut(agentId: string): void {
    const info = center().agents[agentId];
    if (!info) return;
    Reflect.deleteProperty(center().agents, agentId);
    log({ msg: 'agent signed out', agent: agentId, team: info.team });
    // Last first, so that the first one taken ends up first in line.
    for (const id of [...info.conversations].reverse()) {
      const conversation = find(id);
      if (conversation?.owner?.agentId !== agentId) continue;
      release(conversation);
      notify(
        conversation,
        { code: 'agent-left', agent: info.name },
        text.agentLeft(conversation.lang, info.name),
      );
      enqueue(conversation, conversation.team, true);
    }
    // Nobody of a team may be left: the simulated agent looks again.
    scheduleAllSimulated();
    changed();
  }

  function signOutAgentsOf(instances: ReadonlySet<string>): void {
    for (const agent of signedIn()) if (instances.has(agent.instance)) signOut(agent.id);
  }

  function orphans(): AgentInfo[] {
    return signedIn().filter((a) => a.instance === store.instance && !sessions.get(a.id)?.ready);
  }

  function disconnected(agent: AgentSession): void {
    sessions.delete(agent.id);
    if (!agent.ready || closing) return;
    agent.ready = false;
    store
      .run(() => signOut(agent.id))
      .catch((error: unknown) => deps.internalError('agent sign-out (store)', error));
  }

  function connectAgent(ws: WebSocket, link: AgentLink): void {
    const agent: AgentSession = {
      id: randomUUID(),
      ready: false,
      link,
      ws,
      helloTimer: undefined,
      send(frame: AgentServerFrame): void {
        // A console that does not read what it is sent is dropped (1013), not buffered for.
        sendBounded(ws, JSON.stringify(frame), deps.backpressure, 'agent');
      },
    };
    sessions.set(agent.id, agent);
    const port = portOf(agent);
    agent.helloTimer = startHelloTimer(port, reports, deps.helloTimeoutMs, () => agent.ready);
    ws.on('message', (data, isBinary) => receiveAgent(agent, port, decodeRaw(data, isBinary)));
    ws.on('close', () => {
      clearTimeout(agent.helloTimer);
      disconnected(agent);
    });
  }

  function deliver(agentId: string | undefined, frame: AgentServerFrame): void {
    if (agentId === undefined) {
      for (const agent of sessions.values()) if (agent.ready) agent.send(frame);
      return;
    }
    sessions.get(agentId)?.send(frame);
  }

  function signOutOrphans(): void {
    if (!closing) for (const agent of orphans()) signOut(agent.id);
  }

  function close(code?: number, reason?: string): void {
    closing = true;
    for (const agent of sessions.values()) {
      if (code === undefined) agent.ws.terminate();
      else closeWebSocket(agent.ws, code, reason ?? '');
    }
  }

  return {
    connectAgent,
    deliver,
    signOutAgentsOf,
    signOutOrphans,
    get hasOrphans(): boolean {
      return !closing && orphans().length > 0;
    },
    close,
  };
}

/**
 * The WebSocket upgrade: `/chat` for customers, `/agent` for consoles. An upgrade is refused
 * with a bare HTTP status while shutting down (503), for another path (404), from an Origin not
 * allowed (403), or when its address has no slot or budget left (429). Every socket is pinged;
 * one that misses a pong is dropped.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { WebSocketConnection, originAllowed } from '../connections.js';
import type { Backpressure } from '../connections.js';
import type { ContactCenter } from '../contact-center.js';
import { clientAddress } from '../limits.js';
import type { AddressTable } from '../limits.js';
import { connectAgent } from './agent-endpoint.js';
import type { Admitted } from './agent-endpoint.js';
import type { Customers } from './customer-session.js';
import { MAX_FRAME_BYTES, RETRY_AFTER_SECONDS } from './options.js';
import type { Settings } from './options.js';
import { decodeRaw } from './pipeline.js';
import type { Reports } from './stats.js';

export interface UpgradeDeps {
  readonly settings: Settings;
  readonly addresses: AddressTable;
  readonly backpressure: Backpressure;
  readonly customers: Customers;
  readonly center: Pick<ContactCenter, 'connectAgent'>;
  readonly reports: Reports;
  /** Shutting down: upgrades are refused (503). */
  readonly draining: () => boolean;
}

export interface WebSockets {
  /** Customer sockets open on this instance. */
  readonly customers: Set<WebSocket>;
  /** Console sockets open on this instance. */
  readonly agents: Set<WebSocket>;
  /** Cuts every socket and stops accepting. */
  terminate(): void;
}

/** Refuses an upgrade with a bare HTTP status, and cuts the socket soon after. */
function refuseUpgrade(socket: Duplex, status: string, extra = ''): void {
  socket.end(`HTTP/1.1 ${status}\r\n${extra}connection: close\r\ncontent-length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Pings the socket every `ms` and drops it when a pong does not come back. */
function heartbeat(ws: WebSocket, ms: number): void {
  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, ms);
  ws.on('close', () => clearInterval(timer));
}

export function acceptWebSockets(http: Server, deps: UpgradeDeps): WebSockets {
  const { settings, addresses, customers, reports } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const agentWss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  function customerSocket(ws: WebSocket, admission: Admitted): void {
    const session = customers.open(
      new WebSocketConnection(ws, deps.backpressure),
      admission.bucket,
      admission.work,
    );
    heartbeat(ws, settings.heartbeatMs);
    ws.on('message', (data, isBinary) => customers.receive(session, decodeRaw(data, isBinary)));
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    ws.on('close', () => customers.closed(session));
  }

  function agentSocket(ws: WebSocket, admission: Admitted): void {
    heartbeat(ws, settings.heartbeatMs);
    // An oversized frame makes ws close the socket with 1009; nothing else to do.
    ws.on('error', () => undefined);
    connectAgent(ws, admission, deps);
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until ws takes the socket, a reset must not become an unhandled 'error'.
    socket.on('error', () => undefined);
    if (deps.draining()) {
      refuseUpgrade(socket, '503 Service Unavailable', 'retry-after: 1\r\n');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = path === '/chat' ? wss : path === '/agent' ? agentWss : undefined;
    if (!target) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    if (!originAllowed(req.headers.origin, settings.options.allowedOrigins)) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const kind = target === agentWss ? 'agent' : 'customer';
    const address = clientAddress(req, settings.trustProxy);
    const admission = addresses.admit(address, kind);
    if (!admission.ok) {
      reports.refused(admission, address, kind);
      refuseUpgrade(socket, '429 Too Many Requests', `retry-after: ${RETRY_AFTER_SECONDS}\r\n`);
      return;
    }
    // The slot is taken until the socket closes, whether the handshake completes or not.
    socket.once('close', admission.release);
    target.handleUpgrade(req, socket, head, (ws) => {
      if (kind === 'agent') agentSocket(ws, admission);
      else customerSocket(ws, admission);
    });
  });

  return {
    customers: wss.clients,
    agents: agentWss.clients,
    terminate() {
      for (const client of [...wss.clients, ...agentWss.clients]) client.terminate();
      wss.close();
      agentWss.close();
    },
  };
}

export type { Transport, TransportEvents, TransportFactory, WireFrame } from './types.js';
export { WebSocketTransport, createTransport } from './websocket.js';

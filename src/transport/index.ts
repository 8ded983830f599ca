export type { Transport, TransportEvents, TransportFactory, WireFrame } from './types.js';
export { WebSocketTransport } from './websocket.js';
export { SseTransport } from './sse.js';
export { TransportSelector, WEBSOCKET_FAILURES_BEFORE_SSE } from './select.js';
export type { TransportMode } from './select.js';

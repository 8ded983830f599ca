// The server render: importing amex-chat/react here (in Node, no DOM) must be safe.
import { renderToString } from 'react-dom/server';
import { App } from './App';

export function render(): string {
  return renderToString(<App />);
}

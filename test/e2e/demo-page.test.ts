// The demo host pages as a person loads them: axe over the whole page (landmarks, regions,
// contrast) with the chat closed and open, in English and Spanish.
import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import type { AmexChatElement } from '../../src/index.js';
import { waitFor } from '../support/helpers.js';

interface FrameAxe {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

async function loadPage(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1280px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.src = src;
  });
  return frame;
}

async function axeIn(frame: HTMLIFrameElement): Promise<string[]> {
  const win = frame.contentWindow as unknown as { axe?: FrameAxe } | null;
  const doc = frame.contentDocument!;
  if (!win?.axe) {
    await new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      doc.head.append(script);
    });
  }
  const results = await win!.axe!.run(doc, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('demo pages', () => {
  for (const page of ['/demo/index.html', '/demo/es.html']) {
    it(`${page} has no axe violations with the chat closed and open`, async () => {
      const frame = await loadPage(page);
      const el = await waitFor(
        () =>
          frame.contentDocument?.querySelector<AmexChatElement>('amex-chat')?.shadowRoot &&
          frame.contentDocument.querySelector<AmexChatElement>('amex-chat'),
        'the chat element',
      );
      await el.updateComplete;
      expect(await axeIn(frame)).to.deep.equal([]);
      await el.show();
      expect(await axeIn(frame)).to.deep.equal([]);
      frame.remove();
    });
  }
});

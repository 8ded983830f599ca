// The widget under the strictest Content Security Policy a bank uses, with Trusted Types:
// demo/csp.html, served with the policy by test/support/csp-plugin.mjs, in an iframe. A whole
// conversation (greeting, live card-number warning, masked send, an answer, the end with its
// reference number, transcript download and print view) causes no violation, as seen three
// ways: the page's own listener (demo/csp.ts, installed before the widget loads), a listener
// from the test on the frame's document and on the print window, and Chromium's own record of
// policy issues (CDP Audits). Then the test shows the policy in force (innerHTML, an inline
// style, eval and a fetch to another host are refused, each refusal seen the same three ways,
// eval's as Trusted Types' as it comes first), so it cannot pass
// vacuously. From the sources and from the built dist/cdn/amex-chat.js (`npm test` builds first).
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AmexChatElement } from '../../src/index.js';
import { axeInFrame, startReferenceServer, stopReferenceServers, waitFor } from '../support/helpers.js';
import { closeAfterTest, loadFrame, removeAfterTest } from '../support/page.js';

/** What demo/csp.ts records for each violation (see `CspViolation` there). */
interface PageViolation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** What test/support/csp-plugin.mjs reports from the Audits domain. */
interface CdpIssue {
  directive: string;
  type: string;
  blockedURL: string;
  url: string;
  line: number;
}

type FrameWindow = Window & typeof globalThis & { amexChatCspViolations?: PageViolation[] };

async function cspIssues(): Promise<CdpIssue[]> {
  const issues = await executeServerCommand<CdpIssue[] | null, undefined>('csp-issues');
  if (!issues) throw new Error('CSP issue recording was not started');
  return issues;
}

function describeViolation(event: SecurityPolicyViolationEvent): string {
  return `${event.effectiveDirective}: ${event.blockedURI} ${event.sample} at ${event.sourceFile}:${event.lineNumber}`;
}

function bubbles(el: AmexChatElement, from: string): string[] {
  return [...(el.shadowRoot?.querySelectorAll(`.message.${from} .bubble`) ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

/** Lets a violation that is still queued (they are reported in a task) arrive. */
function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * axe over the page in `frame`, under its policy: Trusted Types refuse a script URL given as a
 * string in the frame, so the script element is made in the test's own document (no policy) and
 * then put into the frame, where script-src 'self' lets it load and run.
 */
async function axeUnderPolicy(frame: HTMLIFrameElement): Promise<string[]> {
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    frame.contentDocument!.head.append(script);
  });
  return axeInFrame(frame);
}

const variants = [
  { name: 'the sources', query: '', loads: '/src/components/amex-chat', notLoads: '/dist/' },
  {
    name: 'the built dist/cdn/amex-chat.js',
    query: '&bundle=1',
    loads: '/dist/cdn/amex-chat.js',
    notLoads: '/src/',
  },
];

describe('<amex-chat>', () => {
  describe('strict Content Security Policy with Trusted Types (demo/csp.html)', () => {
    before(async () => {
      await executeServerCommand('csp-issues-start');
    });
    afterEach(async () => {
      await stopReferenceServers();
    });

    it('has no axe violations in the open panel under the policy', async function () {
      this.timeout(30_000);
      const endpoint = await startReferenceServer({ replyDelay: 5 });
      const frame = removeAfterTest(document.createElement('iframe'));
      frame.style.width = '1280px';
      frame.style.height = '900px';
      document.body.append(frame);
      await loadFrame(frame, `/demo/csp.html?endpoint=${encodeURIComponent(endpoint)}`);
      const win = frame.contentWindow as FrameWindow;
      const el = await waitFor(() => {
        const chat = frame.contentDocument!.querySelector<AmexChatElement>('amex-chat');
        return win.customElements.get('amex-chat') && chat?.shadowRoot ? chat : undefined;
      }, 'the chat element upgraded in the frame');
      el.shadowRoot!.querySelector<HTMLButtonElement>('#launcher')!.click();
      await waitFor(() => bubbles(el, 'assistant').length >= 1, 'the greeting', 10_000);
      expect(await axeUnderPolicy(frame)).to.deep.equal([]);
      expect(win.amexChatCspViolations, 'violations the page recorded').to.deep.equal([]);
    });

    for (const variant of variants) {
      it(`chats from greeting to the ended state from ${variant.name} with no violation`, async function () {
        this.timeout(40_000);
        const endpoint = await startReferenceServer({ replyDelay: 5 });
        const issuesBefore = (await cspIssues()).length;
        const seen: string[] = [];
        const frame = removeAfterTest(document.createElement('iframe'));
        frame.style.width = '1280px';
        frame.style.height = '900px';
        document.body.append(frame);
        await loadFrame(frame, `/demo/csp.html?endpoint=${encodeURIComponent(endpoint)}${variant.query}`);
        const win = frame.contentWindow as FrameWindow;
        const doc = frame.contentDocument!;
        doc.addEventListener('securitypolicyviolation', (e) => seen.push(describeViolation(e)), true);
        const page = win.amexChatCspViolations;
        expect(page, 'the page records violations (demo/csp.ts ran)').to.be.an('array');

        const el = await waitFor(() => {
          const chat = doc.querySelector('amex-chat');
          return win.customElements.get('amex-chat') && chat?.shadowRoot ? chat : undefined;
        }, 'the chat element upgraded in the frame');
        expect(doc.documentElement.dataset['chatLoadError'], 'the widget loaded').to.equal(undefined);
        const loaded = win.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
        expect(
          loaded.some((p) => p.startsWith(variant.loads)),
          `loaded ${variant.loads}`,
        ).to.equal(true);
        expect(
          loaded.some((p) => p.startsWith(variant.notLoads)),
          `no ${variant.notLoads}`,
        ).to.equal(false);
        const shadow = el.shadowRoot!;

        // Open from the launcher; the greeting.
        shadow.querySelector<HTMLButtonElement>('#launcher')!.click();
        // (A policy that blocked the connection shows here: say which violations there were.)
        await waitFor(() => bubbles(el, 'assistant').length >= 1, 'the greeting', 10_000).catch(
          async (error: unknown) => {
            const cdp = (await cspIssues()).slice(issuesBefore);
            throw new Error(`${String(error)}; violations: ${JSON.stringify({ page, seen, cdp })}`);
          },
        );

        // A card number typed into the composer: the live warning and the highlight.
        const input = shadow.querySelector<HTMLTextAreaElement>('#input')!;
        input.focus();
        await sendKeys({ type: 'my card is 4111 1111 1111 1111' });
        const warning = await waitFor(
          () => shadow.querySelector('#warning')?.textContent,
          'the live warning',
        );
        expect(warning).to.include('card number');
        expect(shadow.querySelector('.backdrop mark')?.textContent).to.equal('4111 1111 1111 1111');

        // Sent masked, and answered.
        let replies = bubbles(el, 'assistant').length;
        await sendKeys({ press: 'Enter' });
        await waitFor(() => bubbles(el, 'customer').length === 1, 'the masked message');
        const sent = bubbles(el, 'customer')[0]!;
        expect(sent).to.match(/^my card is [•\s]+1111$/);
        expect(shadow.querySelector('#warning')).to.equal(null);
        await waitFor(() => bubbles(el, 'assistant').length > replies, 'a reply', 10_000);

        // A question and its answer.
        replies = bubbles(el, 'assistant').length;
        await el.send('I lost my card');
        await waitFor(() => bubbles(el, 'assistant').length > replies, 'the answer', 10_000);
        expect(bubbles(el, 'assistant').at(-1)).to.match(/lost|stolen|replace/i);

        // End chat with the confirmation: the reference number.
        shadow.querySelector<HTMLButtonElement>('#end')!.click();
        const yes = await waitFor(
          () => shadow.querySelector<HTMLButtonElement>('#end-yes'),
          'the confirmation',
        );
        yes.click();
        const caseNumber = await waitFor(
          () => shadow.querySelector('#case-number')?.textContent?.trim(),
          'the reference number',
          10_000,
        );
        expect(caseNumber).to.match(/^AMX-/);

        // Download transcript: a Blob URL made in the frame.
        const blobs: Blob[] = [];
        const create = win.URL.createObjectURL.bind(win.URL);
        win.URL.createObjectURL = (blob: Blob | MediaSource) => {
          blobs.push(blob as Blob);
          return create(blob);
        };
        try {
          shadow.querySelector<HTMLButtonElement>('#download')!.click();
        } finally {
          win.URL.createObjectURL = create;
        }
        expect(blobs).to.have.length(1);
        const text = await blobs[0]!.text();
        expect(text).to.include(`Reference number: ${caseNumber}`);
        expect(text).to.include(sent);
        expect(text).to.not.include('4111 1111 1111 1111');

        // Print transcript: a real window (it inherits the frame's policy), without the dialog.
        const opened: (Window | null)[] = [];
        const open = win.open.bind(win);
        win.open = (...args: Parameters<typeof window.open>) => {
          const view = open(...args);
          if (view) {
            closeAfterTest(view);
            view.print = () => undefined;
            view.addEventListener(
              'securitypolicyviolation',
              (e) => seen.push(`print view: ${describeViolation(e)}`),
              true,
            );
          }
          opened.push(view);
          return view;
        };
        try {
          shadow.querySelector<HTMLButtonElement>('#print')!.click();
        } finally {
          win.open = open;
        }
        const view = opened[0];
        expect(view, 'the print view').to.exist;
        expect(view!.document.querySelector('dd')?.textContent).to.equal(caseNumber);
        expect(view!.document.querySelectorAll('li').length).to.be.greaterThan(2);
        await settle();

        expect(page, 'violations the page recorded').to.deep.equal([]);
        expect(seen, 'violations seen from the test').to.deep.equal([]);
        expect((await cspIssues()).slice(issuesBefore), 'violations Chromium reported').to.deep.equal([]);

        // The policy is in force. Trusted Types: a string into innerHTML is refused.
        let refused: unknown;
        try {
          doc.body.innerHTML = '<p>not trusted</p>';
        } catch (error) {
          refused = error;
        }
        expect((refused as Error | undefined)?.name, 'innerHTML with a string').to.equal('TypeError');
        expect(String(refused)).to.include('TrustedHTML');
        // style-src: an inline style attribute is not applied.
        const probe = doc.createElement('p');
        probe.setAttribute('style', 'color: rgb(255, 0, 1)');
        doc.body.append(probe);
        expect(win.getComputedStyle(probe).color, 'inline style').to.not.equal('rgb(255, 0, 1)');
        probe.remove();
        // script-src without 'unsafe-eval' (and Trusted Types): eval is refused.
        let evaluated: unknown;
        try {
          evaluated = win.eval('1 + 1');
        } catch (error) {
          evaluated = (error as Error).name;
        }
        expect(evaluated, 'eval').to.equal('EvalError');
        // connect-src: only this origin and the test's loopback servers.
        const fetched = await win.fetch('http://localhost:9/').then(
          () => 'fetched',
          (error: unknown) => (error as Error).name,
        );
        expect(fetched, 'fetch from another host').to.equal('TypeError');
        await settle();
        // …and each refusal was seen by all three watchers, so a violation could not go unnoticed.
        const expected = ['require-trusted-types-for', 'style-src-attr', 'connect-src'];
        const cdpIssues = (await cspIssues()).slice(issuesBefore);
        const cdpTypes = new Set(cdpIssues.map((i) => i.type));
        expect(
          page!.map((v) => v.directive),
          'seen by the page',
        ).to.include.members(expected);
        expect(
          seen.map((s) => s.split(':')[0]),
          'seen by the test',
        ).to.include.members(expected);
        expect([...cdpTypes].sort(), JSON.stringify(cdpIssues)).to.include.members([
          'kTrustedTypesSinkViolation',
          'kInlineViolation',
          'kURLViolation',
        ]);
      });
    }
  });
});

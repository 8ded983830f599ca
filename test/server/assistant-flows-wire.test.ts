/**
 * Issue 26, item 1, over the real protocol: every action flow of the assistant, in English and
 * Spanish, from a customer of a real server. Nothing is claimed before every detail, the
 * read-back and an explicit yes, in the replies the customer receives or in the end summary;
 * "I don't remember" then yes claims nothing either. (The same flows on the assistant alone,
 * with every yes and no word: assistant-actions.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatServerOptions } from '../../server/chat-server.js';
import { withServer } from '../support/server.js';
import { CLAIM, FLOWS, READ_BACK, YES } from '../support/assistant-actions.js';
import { Customer } from '../support/assistant-chat.js';

/** No profile (no account): any card and ZIP code are taken, so every flow's details fit. */
const QUICK: ChatServerOptions = { replyDelay: 0 };

describe('assistant flows over the real protocol', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: every action is done only after its details, the read-back and a yes`, async () => {
      await withServer(QUICK, async (server) => {
        for (const flow of FLOWS) {
          const c = await Customer.start(server, { lang });
          const said = [await c.say(flow.start[lang])];
          for (const detail of flow.details) said.push(await c.say(detail));
          for (const text of said) assert.ok(!CLAIM.test(text), `${flow.intent}: claimed "${text}"`);
          assert.match(said[said.length - 1]!, READ_BACK, flow.intent);
          const done = await c.say(YES[lang][0]!);
          assert.match(done, flow.done[lang], flow.intent);
          assert.ok(CLAIM.test(await c.end()), flow.intent);
        }
      });
    });

    it(`${lang}: "I don't remember" then yes: nothing is claimed, in the chat or the summary`, async () => {
      await withServer(QUICK, async (server) => {
        for (const flow of FLOWS) {
          const c = await Customer.start(server, { lang });
          const said = [
            await c.say(flow.start[lang]),
            await c.say(lang === 'es' ? 'no me acuerdo' : "I don't remember"),
            await c.say(YES[lang][0]!),
          ];
          for (const text of said) assert.ok(!CLAIM.test(text), `${flow.intent}: claimed "${text}"`);
          const summary = await c.end();
          assert.ok(!CLAIM.test(summary), `${flow.intent}: the summary claimed "${summary}"`);
          assert.match(summary, lang === 'es' ? /no se hizo ningún cambio/ : /nothing was changed/);
        }
      });
    });
  }
});

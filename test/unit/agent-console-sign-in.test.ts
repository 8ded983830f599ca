// The agent console's sign-in form (demo/agent-console/sign-in-form.ts) in Node: what it sends,
// and the first problem it finds, field by field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSignIn } from '../../demo/agent-console/sign-in-form.js';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const override = 'ws://other.example/agent';

const cases: [string, Record<string, string>, string | undefined, ReturnType<typeof readSignIn>][] = [
  [
    'a trimmed name and a known team',
    { name: '  Maria ', team: 'travel', passcode: '' },
    undefined,
    { name: 'Maria', team: 'travel', passcode: '' },
  ],
  [
    'an unknown team as general',
    { name: 'Maria', team: 'sales' },
    undefined,
    { name: 'Maria', team: 'general', passcode: '' },
  ],
  [
    'a blank name',
    { name: '   ', team: 'general' },
    undefined,
    { field: 'name', message: 'Enter your name.' },
  ],
  [
    'a name over 40 characters',
    { name: 'x'.repeat(41) },
    undefined,
    { field: 'name', message: 'Use at most 40 characters.' },
  ],
  [
    'a passcode cut to 256 characters',
    { name: 'Maria', passcode: 'p'.repeat(300) },
    undefined,
    { name: 'Maria', team: 'general', passcode: 'p'.repeat(256) },
  ],
  [
    'a passcode for a server the page named, refused on the passcode field',
    { name: 'Maria', passcode: 'secret' },
    override,
    {
      field: 'passcode',
      message: `Development mode: the passcode goes only to this console's configured server, not to ${override}. Empty this field to sign in there without one.`,
    },
  ],
  [
    'no passcode for a server the page named',
    { name: 'Maria', passcode: '' },
    override,
    { name: 'Maria', team: 'general', passcode: '' },
  ],
  [
    'the name checked before the passcode',
    { name: '', passcode: 'secret' },
    override,
    { field: 'name', message: 'Enter your name.' },
  ],
];

describe('agent console sign-in form', () => {
  for (const [name, fields, named, expected] of cases) {
    it(`reads ${name}`, () => {
      assert.deepEqual(readSignIn(form(fields), named), expected);
    });
  }
});

// The agent console's sign-in form (demo/agent-console/sign-in-form.ts) in Node: what it sends,
// and the first problem it finds, field by field in the form's order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSignIn } from '../../demo/agent-console/sign-in-form.js';

/** A form's data; a list is a group of checkboxes (the checked ones' values). */
function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

/** The languages box as the form starts: both checked. */
const both = ['en', 'es'];

const override = 'ws://other.example/agent';

const cases: [
  string,
  Record<string, string | string[]>,
  string | undefined,
  ReturnType<typeof readSignIn>,
][] = [
  [
    'a trimmed name and a known team',
    { name: '  Maria ', team: 'travel', languages: both, passcode: '' },
    undefined,
    { name: 'Maria', team: 'travel', teams: [], languages: ['en', 'es'], passcode: '' },
  ],
  [
    'an unknown team as general',
    { name: 'Maria', team: 'sales', languages: both },
    undefined,
    { name: 'Maria', team: 'general', teams: [], languages: ['en', 'es'], passcode: '' },
  ],
  [
    'the languages and more teams checked, in the form order, unknown values dropped',
    { name: 'Maria', team: 'general', languages: ['es', 'fr'], teams: ['travel', 'disputes', 'sales'] },
    undefined,
    { name: 'Maria', team: 'general', teams: ['disputes', 'travel'], languages: ['es'], passcode: '' },
  ],
  [
    'no language checked',
    { name: 'Maria', team: 'general', passcode: '' },
    undefined,
    { field: 'languages', message: 'Choose at least one language you chat in.' },
  ],
  [
    'only an unknown language',
    { name: 'Maria', languages: ['fr'] },
    undefined,
    { field: 'languages', message: 'Choose at least one language you chat in.' },
  ],
  [
    'the name checked before the languages',
    { name: ' ' },
    undefined,
    { field: 'name', message: 'Enter your name.' },
  ],
  [
    'the languages checked before the passcode',
    { name: 'Maria', passcode: 'secret' },
    override,
    { field: 'languages', message: 'Choose at least one language you chat in.' },
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
    { name: 'Maria', languages: both, passcode: 'p'.repeat(300) },
    undefined,
    { name: 'Maria', team: 'general', teams: [], languages: ['en', 'es'], passcode: 'p'.repeat(256) },
  ],
  [
    'a passcode for a server the page named, refused on the passcode field',
    { name: 'Maria', languages: both, passcode: 'secret' },
    override,
    {
      field: 'passcode',
      message: `Development mode: the passcode goes only to this console's configured server, not to ${override}. Empty this field to sign in there without one.`,
    },
  ],
  [
    'no passcode for a server the page named',
    { name: 'Maria', languages: ['en'], passcode: '' },
    override,
    { name: 'Maria', team: 'general', teams: [], languages: ['en'], passcode: '' },
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

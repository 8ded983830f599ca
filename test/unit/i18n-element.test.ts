// The element's strings come with the element; the panel's module adds its catalogues to the
// same objects when it loads. Its own file: no other module of the panel is imported before the
// test does it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strings } from '../../src/components/i18n-element.js';

describe('i18n before and after the panel module', () => {
  it("holds the element's strings alone until the panel's catalogues are added, then all of them", async () => {
    const t = strings('es-MX');
    assert.equal(t.launcher, 'Chatear con nosotros');
    assert.equal(t.launcherUnread(2), 'Chatear con nosotros, 2 mensajes nuevos');
    assert.equal(t.heading, 'Atención al cliente');
    assert.equal(t.errorLoad.startsWith('No se pudo cargar el chat.'), true);
    assert.equal(t.retry, 'Reintentar');
    // Nothing of the panel's catalogue yet.
    assert.equal('composerLabel' in t, false);
    assert.equal('roles' in t, false);

    const panel = await import('../../src/components/i18n.js');
    // The object made before is completed in place: an element keeps the one it has.
    assert.equal(strings('es-MX'), t);
    assert.equal(panel.strings('es-MX'), t);
    assert.equal(t.composerLabel, 'Escriba su mensaje');
    assert.equal(t.senderPrefix('Ana', 'agent'), 'Ana, agente');
    assert.equal(t.launcher, 'Chatear con nosotros');
    // A tag first asked for afterwards has both catalogues at once.
    const gb = strings('en-GB');
    assert.equal(gb.close, 'Close chat');
    assert.equal(gb.send, 'Send');
    assert.equal(gb.time(new Date(2026, 10, 25, 19, 34)), '19:34');
  });
});

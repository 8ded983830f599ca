// TabHub on its own: two hubs of one name in one page share the lock and the channel as two tabs
// do. What a follower hears from a leader that has no server connection.
import { expect } from '@open-wc/testing';
import { TabHub } from '../../src/conversation/tabs.js';
import type { LeaderView } from '../../src/conversation/tabs.js';
import type { ConnectionState } from '../../src/conversation/types.js';
import type { ServerFrame } from '../../src/protocol.js';
import { helloFrame } from '../../src/conversation/outbound.js';
import { waitFor } from '../support/helpers.js';

/** A leader's view of its server connection; connected to a server of `version` when given. */
function view(state: { now: ConnectionState; version?: string }): LeaderView {
  return {
    send: () => false,
    state: () => state.now,
    conversationId: () => (state.version ? 'c1' : undefined),
    log: () => [],
    queue: () => undefined,
    bound: () => false,
    sealKey: () => undefined,
    version: () => state.version,
  };
}

describe('TabHub', () => {
  let hubs: TabHub[] = [];
  afterEach(() => {
    for (const hub of hubs) hub.close();
    hubs = [];
  });

  /** A leader with this view, and a follower hub that counts the leader's announcements. */
  async function pair(state: {
    now: ConnectionState;
    version?: string;
  }): Promise<{ leader: TabHub; follower: TabHub; announced: () => number; name: string }> {
    const name = `amex-chat:test-${Math.random()}`;
    const leader = new TabHub(
      name,
      view(state),
      () => undefined,
      () => undefined,
    );
    await leader.ready;
    let announcements = 0;
    const follower = new TabHub(
      name,
      view(state),
      () => undefined,
      () => (announcements += 1),
    );
    await follower.ready;
    hubs.push(leader, follower);
    expect([leader.leader, follower.leader]).to.deep.equal([true, false]);
    return { leader, follower, announced: () => announcements, name };
  }

  /**
   * Resolves once a message posted now on the hubs' channel has been delivered: every message the
   * hubs posted before it has been delivered too (one task source, in order).
   */
  async function channelDrained(name: string): Promise<void> {
    const [from, to] = [new BroadcastChannel(name), new BroadcastChannel(name)];
    const heard = new Promise((resolve) => (to.onmessage = resolve));
    // (A frame for no tab: the hubs drop it.)
    from.postMessage({ t: 'down', to: 'no-tab', frame: { type: 'pong' } });
    await heard;
    from.close();
    to.close();
  }

  /** A follower's connection to the leader, saying hello; resolves with its close code, if any. */
  function hello(follower: TabHub): { closed: () => number | undefined; heard: ServerFrame[] } {
    const transport = follower.follower();
    let code: number | undefined;
    const heard: ServerFrame[] = [];
    transport.events.on('frame', (frame) => heard.push(frame));
    transport.events.on('close', (event) => (code = event.code));
    transport.events.on('open', () => transport.send(helloFrame({ lang: 'en' })));
    transport.connect();
    return { closed: () => code, heard };
  }

  it('tells a follower at once when its own attempts are failing', async () => {
    const { follower } = await pair({ now: 'reconnecting' });
    const link = hello(follower);
    await waitFor(() => link.closed(), 'the follower told the leader cannot connect');
    expect(link.closed()).to.equal(1012);
  });

  it('keeps a follower waiting while its first attempt is under way', async () => {
    // The leader reads its state to answer the hello; anything it then posted reaches the follower
    // before a message posted after that.
    let looked = 0;
    const state = {
      get now(): ConnectionState {
        looked += 1;
        return 'connecting';
      },
    };
    const { leader, follower, name } = await pair(state);
    const before = looked;
    const link = hello(follower);
    await waitFor(() => looked > before, 'the leader answering the hello');
    await channelDrained(name);
    expect(link.closed(), 'still waiting for a welcome').to.equal(undefined);
    // That attempt fails: followers waiting for its welcome are told.
    leader.announceLost();
    await waitFor(() => link.closed(), 'the follower told');
  });

  it("welcomes a follower with the server's version, which says what the follower may send", async () => {
    const { follower } = await pair({ now: 'connected', version: '1.4' });
    const link = hello(follower);
    const welcome = await waitFor(() => link.heard.find((frame) => frame.type === 'welcome'), 'the welcome');
    expect(welcome).to.deep.equal({ type: 'welcome', v: '1.4', conversationId: 'c1', lastSeq: 0 });
  });

  it('lets a follower retry at once when the leader says it is connected', async () => {
    const { leader, announced } = await pair({ now: 'connected' });
    expect(announced()).to.equal(0);
    leader.announce();
    await waitFor(() => announced() === 1, 'the announcement heard');
  });
});

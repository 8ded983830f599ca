// What `npm test` needs outside node_modules (scripts/prerequisites.mjs): the browser and
// redis-server it finds on each system, what it installs on Debian as root, and the message and
// command it stops with elsewhere. Every system here is a fake probe; nothing is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  checkPrerequisites,
  ensurePrerequisites,
  findBrowser,
  findRedisServer,
  linuxFamily,
  requireBrowser,
  requireRedisServer,
} from '../../scripts/prerequisites.mjs';
import type { Probe } from '../../scripts/prerequisites.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const WIN_PATH = 'C:\\Windows\\system32;C:\\Windows;C:\\Program Files\\nodejs';

/** A system with these files; Linux, Debian, not root, unless told otherwise. */
function system(options: Partial<Omit<Probe, 'exists'>> & { files?: string[] } = {}): Probe & {
  files: Set<string>;
} {
  const files = new Set(options.files ?? []);
  return {
    platform: options.platform ?? 'linux',
    env: options.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin' },
    home: options.home ?? '/home/dev',
    isRoot: options.isRoot ?? false,
    osRelease: 'osRelease' in options ? options.osRelease : DEBIAN,
    files,
    exists: (file) => files.has(file),
  };
}

const both = { browser: true, redis: true };

describe('prerequisites', () => {
  describe('browser', () => {
    it('takes CHROME_PATH before any installed browser', () => {
      const linux = system({
        env: { PATH: '/usr/bin', CHROME_PATH: '/opt/chrome/chrome' },
        files: ['/opt/chrome/chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium'],
      });
      assert.equal(findBrowser(linux), '/opt/chrome/chrome');
      const mac = system({
        platform: 'darwin',
        env: { PATH: '/usr/bin', CHROME_PATH: '/Users/dev/chromium/Chromium' },
        files: [MAC_CHROME, '/Users/dev/chromium/Chromium'],
      });
      assert.equal(findBrowser(mac), '/Users/dev/chromium/Chromium');
    });

    it('stops on a CHROME_PATH with no file there instead of using another browser', () => {
      const probe = system({
        env: { PATH: '/usr/bin', CHROME_PATH: '/opt/gone/chrome' },
        files: ['/usr/bin/chromium', '/usr/bin/redis-server', '/usr/bin/apt-get'],
        isRoot: true,
      });
      assert.equal(findBrowser(probe), undefined);
      const check = checkPrerequisites(both, probe);
      assert.deepEqual(check.missing, ['browser']);
      assert.equal(check.install, undefined, 'a wrong CHROME_PATH is not fixed by installing chromium');
      assert.match(check.message ?? '', /CHROME_PATH is \/opt\/gone\/chrome, where there is no file/);
      assert.doesNotMatch(check.message ?? '', /apt-get/);
    });

    it('finds Chrome in /Applications, then ~/Applications, then Chromium on macOS', () => {
      assert.equal(findBrowser(system({ platform: 'darwin', files: [MAC_CHROME] })), MAC_CHROME);
      const inHome = '/Users/dev/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
      assert.equal(findBrowser(system({ platform: 'darwin', home: '/Users/dev', files: [inHome] })), inHome);
      const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
      assert.equal(findBrowser(system({ platform: 'darwin', files: [chromium, MAC_CHROME] })), MAC_CHROME);
      assert.equal(findBrowser(system({ platform: 'darwin', files: [chromium] })), chromium);
    });

    it('finds Chrome under LOCALAPPDATA and Program Files on Windows', () => {
      const env = {
        Path: WIN_PATH,
        LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
        ProgramFiles: 'C:\\Program Files',
        'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      };
      const user = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
      const machine = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
      const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
      assert.equal(findBrowser(system({ platform: 'win32', env, files: [machine, user] })), user);
      assert.equal(findBrowser(system({ platform: 'win32', env, files: [machine] })), machine);
      assert.equal(findBrowser(system({ platform: 'win32', env, files: [x86] })), x86);
      assert.equal(findBrowser(system({ platform: 'win32', env, files: [] })), undefined);
    });

    it('prefers Google Chrome to Chromium on PATH on Linux, as chrome-launcher does', () => {
      const files = ['/usr/bin/chromium', '/usr/local/bin/google-chrome'];
      assert.equal(findBrowser(system({ files })), '/usr/local/bin/google-chrome');
      assert.equal(
        findBrowser(system({ files: ['/usr/bin/chromium-browser'] })),
        '/usr/bin/chromium-browser',
      );
      assert.equal(findBrowser(system({ files: ['/usr/bin/chromium'] })), '/usr/bin/chromium');
    });

    it('looks at /usr/bin/chromium last, even when PATH is empty', () => {
      assert.equal(findBrowser(system({ env: {}, files: ['/usr/bin/chromium'] })), '/usr/bin/chromium');
      assert.equal(findBrowser(system({ env: {}, files: [] })), undefined);
    });
  });

  describe('redis-server', () => {
    it('is found on PATH', () => {
      assert.equal(findRedisServer(system({ files: ['/usr/bin/redis-server'] })), '/usr/bin/redis-server');
      assert.equal(findRedisServer(system({ files: ['/opt/redis/redis-server'] })), undefined);
    });

    it('is found in Homebrew on macOS when PATH lacks it', () => {
      const probe = system({ platform: 'darwin', env: { PATH: '/usr/bin:/bin' } });
      probe.files.add('/opt/homebrew/bin/redis-server');
      assert.equal(findRedisServer(probe), '/opt/homebrew/bin/redis-server');
    });

    it('is found with PATHEXT on Windows, or Memurai', () => {
      const env = { Path: `${WIN_PATH};C:\\redis`, PATHEXT: '.COM;.EXE;.BAT' };
      const exe = 'C:\\redis\\redis-server.EXE';
      assert.equal(findRedisServer(system({ platform: 'win32', env, files: [exe] })), exe);
      const memurai = 'C:\\Program Files\\nodejs\\memurai.EXE';
      assert.equal(findRedisServer(system({ platform: 'win32', env, files: [memurai] })), memurai);
    });
  });

  describe('which Linux', () => {
    it('tells Debian from Ubuntu and its derivatives', () => {
      assert.equal(linuxFamily(system({ osRelease: DEBIAN })), 'debian');
      assert.equal(linuxFamily(system({ osRelease: UBUNTU })), 'ubuntu');
      assert.equal(linuxFamily(system({ osRelease: MINT })), 'ubuntu');
      assert.equal(linuxFamily(system({ osRelease: FEDORA })), 'other');
      assert.equal(linuxFamily(system({ osRelease: undefined, files: ['/etc/debian_version'] })), 'debian');
      assert.equal(linuxFamily(system({ platform: 'darwin' })), 'other');
    });
  });

  describe('on Debian as root', () => {
    const root = (files: string[]): Probe => system({ isRoot: true, files: ['/usr/bin/apt-get', ...files] });

    it('plans apt-get for exactly what is missing', () => {
      const plans = [
        { files: [], packages: ['chromium', 'redis-server'] },
        { files: ['/usr/bin/redis-server'], packages: ['chromium'] },
        { files: ['/usr/bin/chromium'], packages: ['redis-server'] },
      ];
      for (const { files, packages } of plans) {
        const check = checkPrerequisites(both, root(files));
        assert.equal(check.message, undefined);
        assert.deepEqual(check.install?.packages, packages);
        assert.deepEqual(check.install?.commands, [
          ['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
          ['DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', ...packages],
        ]);
        assert.match(
          check.install?.line ?? '',
          new RegExp(`^prerequisites: installing ${packages.join(' ')} with apt-get`),
        );
        assert.doesNotMatch(check.install?.line ?? '', /\n/);
      }
    });

    it('installs only what the chosen half needs', () => {
      assert.deepEqual(checkPrerequisites({ browser: false, redis: true }, root([])).install?.packages, [
        'redis-server',
      ]);
      assert.deepEqual(checkPrerequisites({ browser: true, redis: false }, root([])).install?.packages, [
        'chromium',
      ]);
      const nothing = checkPrerequisites(both, root(['/usr/bin/chromium', '/usr/bin/redis-server']));
      assert.deepEqual(nothing, {
        browser: '/usr/bin/chromium',
        redisServer: '/usr/bin/redis-server',
        missing: [],
      });
    });

    it('runs the install, says so on one line, and uses what it installed', () => {
      const probe = system({ isRoot: true, files: ['/usr/bin/apt-get'] });
      const ran: string[][] = [];
      const logged: string[] = [];
      const result = ensurePrerequisites(both, {
        probe,
        run: (command) => {
          ran.push(command);
          if (command.includes('install')) {
            probe.files.add('/usr/bin/chromium');
            probe.files.add('/usr/bin/redis-server');
          }
          return { status: 0, output: '' };
        },
        log: (line) => logged.push(line),
      });
      assert.deepEqual(result, {
        ok: true,
        browser: '/usr/bin/chromium',
        redisServer: '/usr/bin/redis-server',
      });
      assert.equal(ran.length, 2);
      assert.equal(logged.length, 1);
      assert.match(logged[0]!, /installing chromium redis-server with apt-get/);
    });

    it('stops with the failing command when apt-get fails', () => {
      const result = ensurePrerequisites(both, {
        probe: root(['/usr/bin/chromium']),
        run: (command) =>
          command.includes('update') ? { status: 0, output: '' } : { status: 100, output: 'E: no network' },
        log: () => undefined,
      });
      assert.equal(result.ok, false);
      assert.match(
        result.ok ? '' : result.message,
        /E: no network\n.*apt-get install -y -qq redis-server` failed/,
      );
    });

    it('stops with a message when the install did not bring what was missing', () => {
      const result = ensurePrerequisites(both, {
        probe: root(['/usr/bin/redis-server']),
        run: () => ({ status: 0, output: '' }),
        log: () => undefined,
      });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /needs Chrome or Chromium for the browser tests/);
    });

    it('names the command without installing when apt-get is not on PATH', () => {
      const check = checkPrerequisites(both, system({ isRoot: true }));
      assert.equal(check.install, undefined);
      assert.match(check.message ?? '', /^ {2}Install: apt-get install -y chromium redis-server$/m);
    });
  });

  describe('messages', () => {
    /** The command lines of a stop message. */
    function stop(probe: Probe, needs = both): { message: string; commands: string[] } {
      const check = checkPrerequisites(needs, probe);
      assert.equal(check.install, undefined);
      const message = check.message ?? '';
      const commands = message
        .split('\n')
        .filter((line) => /^ {2}Install: | {4}/.test(line))
        .map((line) => line.replace(/^ {2}Install: /, '').trim());
      return { message, commands };
    }

    it('says what is needed, for what, and that nothing ran', () => {
      const { message } = stop(system());
      const [first, ...rest] = message.split('\n');
      assert.equal(
        first,
        'npm test stopped before running any test: it needs Chrome or Chromium for the browser tests ' +
          'and redis-server for the Redis store tests, and found neither.',
      );
      assert.match(
        rest.at(-1)!,
        /Then run npm test again \(a Chrome or Chromium elsewhere: set CHROME_PATH to it\)/,
      );
      const redisOnly = stop(system({ files: ['/usr/bin/chromium'] })).message;
      assert.match(redisOnly, /it needs redis-server for the Redis store tests, and did not find it\./);
      assert.match(redisOnly, /Then run npm test again\.$/);
    });

    it('names sudo apt-get on Debian when not root, for exactly what is missing', () => {
      assert.deepEqual(stop(system()).commands, ['sudo apt-get install -y chromium redis-server']);
      assert.deepEqual(stop(system({ files: ['/usr/bin/redis-server'] })).commands, [
        'sudo apt-get install -y chromium',
      ]);
      assert.deepEqual(stop(system({ files: ['/usr/bin/chromium'] })).commands, [
        'sudo apt-get install -y redis-server',
      ]);
    });

    it('names apt-get for redis-server and the Chromium snap on Ubuntu, and does not install a snap as root', () => {
      const ubuntu = stop(system({ osRelease: UBUNTU })).commands;
      assert.equal(ubuntu[0], 'sudo apt-get install -y redis-server');
      assert.match(ubuntu[1]!, /^sudo snap install chromium {2}\(.*google\.com\/chrome/);
      const asRoot = system({ osRelease: UBUNTU, isRoot: true, files: ['/usr/bin/apt-get'] });
      assert.deepEqual(
        stop(asRoot).commands.map((c) => c.split(' ').slice(0, 2).join(' ')),
        ['apt-get install', 'snap install'],
      );
      const redisOnly = checkPrerequisites(both, {
        ...asRoot,
        exists: (f) => f === '/usr/bin/apt-get' || f === '/usr/bin/chromium',
      });
      assert.deepEqual(redisOnly.install?.packages, ['redis-server']);
      assert.match(redisOnly.install?.line ?? '', /with apt-get \(Ubuntu, running as root\)/);
    });

    it('names Homebrew on macOS', () => {
      const mac = (files: string[]): Probe =>
        system({ platform: 'darwin', env: { PATH: '/usr/bin:/bin' }, files });
      assert.deepEqual(stop(mac([])).commands, ['brew install redis', 'brew install --cask google-chrome']);
      assert.deepEqual(stop(mac([MAC_CHROME])).commands, ['brew install redis']);
      assert.deepEqual(stop(mac(['/usr/local/bin/redis-server'])).commands, [
        'brew install --cask google-chrome',
      ]);
    });

    it('names winget for Chrome and WSL or Memurai for Redis on Windows', () => {
      const windows = (files: string[]): Probe =>
        system({
          platform: 'win32',
          env: { Path: WIN_PATH, LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local' },
          files,
        });
      const [chrome, redis] = stop(windows([])).commands;
      assert.match(chrome!, /^winget install -e --id Google\.Chrome/);
      assert.match(redis!, /WSL \(`wsl --install`\).*Memurai/);
      const browserOnly = stop(windows(['C:\\Program Files\\nodejs\\memurai.EXE'])).commands;
      assert.equal(browserOnly.length, 1);
      assert.match(browserOnly[0]!, /winget/);
    });

    it('points to the package manager on other systems', () => {
      assert.deepEqual(stop(system({ osRelease: FEDORA })).commands, [
        "with your system's package manager: Chromium or Google Chrome and Redis (redis-server)",
      ]);
    });

    it('asks only for what the chosen half needs', () => {
      assert.deepEqual(
        checkPrerequisites({ browser: false, redis: true }, system({ files: ['/usr/bin/redis-server'] })),
        {
          browser: undefined,
          redisServer: '/usr/bin/redis-server',
          missing: [],
        },
      );
      assert.deepEqual(stop(system(), { browser: true, redis: false }).commands, [
        'sudo apt-get install -y chromium',
      ]);
    });

    it('is the error of the web-test-runner config, the Redis test support and the benches', () => {
      assert.throws(
        () => requireBrowser('web-test-runner.config.mjs', system({ platform: 'darwin' })),
        /^Error: web-test-runner.config.mjs: Chrome or Chromium not found\.\n {2}Install: brew install --cask google-chrome/,
      );
      assert.throws(
        () => requireRedisServer('the Redis store tests', system()),
        /^Error: the Redis store tests: redis-server not found\.\n {2}Install: sudo apt-get install -y redis-server/,
      );
      assert.equal(requireRedisServer('x', system({ files: ['/bin/redis-server'] })), '/bin/redis-server');
    });
  });

  describe('npm test', () => {
    it('stops before any test with the message and `tests: 0 passed, 1 failed`', () => {
      // A CHROME_PATH with no file there stops the browser half on any system, without installing.
      const root = join(import.meta.dirname, '../..');
      const result = spawnSync(process.execPath, ['scripts/test.mjs', '--browser'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CHROME_PATH: join(root, 'no-such-dir/chrome') },
      });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^npm test stopped before running any test: it needs Chrome or Chromium/);
      assert.match(result.stderr, /CHROME_PATH is .*no-such-dir\/chrome, where there is no file/);
      assert.equal(result.stdout, 'tests: 0 passed, 1 failed\n');
    });
  });
});

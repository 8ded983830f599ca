// What `npm test` needs outside node_modules, found before any test runs (scripts/test.mjs):
//   - Chrome or Chromium for the browser tests (test/browser, test/e2e; web-test-runner), also
//     used by bench/widget.ts;
//   - `redis-server` for the Redis store tests (test/server; started on free loopback ports by
//     test/support/cluster.ts), also used by bench/load.ts.
// The browser is looked for the way chrome-launcher (what @web/test-runner-chrome uses when it is
// given no executablePath) looks for it: CHROME_PATH first, then Chrome's usual install places on
// each system, then Chrome and Chromium on PATH; /usr/bin/chromium last. `redis-server` is looked
// for on PATH.
// On Debian as root with apt-get, what is missing is installed (`apt-get install -y chromium
// redis-server`, only the missing ones); anywhere else a missing program stops `npm test` with the
// command that installs it on that system.
// Everything the module asks of the system comes through a probe (platform, environment, home,
// whether a file exists, root, /etc/os-release), so test/unit/prerequisites.test.ts can pass a fake.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The last place looked at for a browser (Debian's chromium package). */
export const FALLBACK_BROWSER = '/usr/bin/chromium';

/** The real system. */
export function systemProbe() {
  let osRelease;
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    osRelease = undefined;
  }
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: (file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    osRelease,
  };
}

/** An environment variable; on Windows names are case-insensitive. */
function envGet(probe, name) {
  if (probe.platform !== 'win32') return probe.env[name] || undefined;
  const key = Object.keys(probe.env).find((k) => k.toUpperCase() === name.toUpperCase());
  return (key !== undefined && probe.env[key]) || undefined;
}

/** The first `name` on PATH (with PATHEXT's extensions on Windows), like `which`. */
export function onPath(probe, name) {
  const path = probe.platform === 'win32' ? win32 : posix;
  const dirs = (envGet(probe, 'PATH') ?? '').split(path.delimiter).filter(Boolean);
  const exts =
    probe.platform === 'win32'
      ? (envGet(probe, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
      : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (probe.exists(file)) return file;
    }
  }
  return undefined;
}

/** The places a browser is looked for after CHROME_PATH, in order, on `probe`'s system. */
export function browserCandidates(probe) {
  if (probe.platform === 'darwin') {
    // chrome-launcher's darwinFast() and the /Applications and ~/Applications it ranks first.
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    return apps.flatMap((app) => [
      posix.join('/Applications', app),
      posix.join(probe.home, 'Applications', app),
    ]);
  }
  if (probe.platform === 'win32') {
    // chrome-launcher's win32(): LOCALAPPDATA, then Program Files and Program Files (x86).
    const prefixes = ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)']
      .map((name) => envGet(probe, name))
      .filter(Boolean);
    const suffixes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Google\\Chrome SxS\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return prefixes.flatMap((prefix) => suffixes.map((suffix) => win32.join(prefix, suffix)));
  }
  return [];
}

/** Names looked up on PATH, in chrome-launcher's order of preference (linux()). */
const BROWSER_NAMES = ['google-chrome-stable', 'google-chrome', 'chromium-browser', 'chromium'];

/** CHROME_PATH when it is set but names no file (then nothing else is tried). */
export function badChromePath(probe) {
  const chromePath = envGet(probe, 'CHROME_PATH');
  return chromePath !== undefined && !probe.exists(chromePath) ? chromePath : undefined;
}

/**
 * The browser the tests launch: CHROME_PATH when set, else the first of Chrome's usual places,
 * Chrome or Chromium on PATH, /snap/bin/chromium (Ubuntu) and /usr/bin/chromium that exists.
 */
export function findBrowser(probe = systemProbe()) {
  const chromePath = envGet(probe, 'CHROME_PATH');
  if (chromePath !== undefined) return probe.exists(chromePath) ? chromePath : undefined;
  for (const file of browserCandidates(probe)) if (probe.exists(file)) return file;
  if (probe.platform !== 'win32') {
    for (const name of BROWSER_NAMES) {
      const file = onPath(probe, name);
      if (file) return file;
    }
  }
  for (const file of probe.platform === 'linux'
    ? ['/snap/bin/chromium', FALLBACK_BROWSER]
    : [FALLBACK_BROWSER]) {
    if (probe.exists(file)) return file;
  }
  return undefined;
}

/**
 * `redis-server` on PATH; on macOS also Homebrew's bin directories (a shell started outside a
 * login profile may not have them), on Windows also Memurai (`memurai.exe`, a Redis-compatible
 * server for Windows).
 */
export function findRedisServer(probe = systemProbe()) {
  const found = onPath(probe, 'redis-server');
  if (found) return found;
  if (probe.platform === 'darwin') {
    return ['/opt/homebrew/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => probe.exists(f));
  }
  if (probe.platform === 'win32') return onPath(probe, 'memurai');
  return undefined;
}

/**
 * Which Linux: 'debian' (Debian and derivatives whose `chromium` package is a real browser),
 * 'ubuntu' (Ubuntu and derivatives: there `chromium` / `chromium-browser` is a snap), or 'other'.
 */
export function linuxFamily(probe) {
  if (probe.platform !== 'linux') return 'other';
  const field = (name) =>
    new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm')
      .exec(probe.osRelease ?? '')?.[1]
      ?.toLowerCase()
      .split(/\s+/) ?? [];
  const ids = [...field('ID'), ...field('ID_LIKE')];
  if (ids.includes('ubuntu')) return 'ubuntu';
  if (ids.includes('debian') || probe.exists('/etc/debian_version')) return 'debian';
  return 'other';
}

const WHAT = {
  browser: 'Chrome or Chromium for the browser tests',
  'redis-server': 'redis-server for the Redis store tests',
};

/** The command (or instruction) that installs `missing` (a list of 'browser' | 'redis-server'). */
export function installInstructions(probe, missing) {
  const sudo = probe.isRoot ? '' : 'sudo ';
  const needs = (item) => missing.includes(item);
  switch (probe.platform === 'linux' ? linuxFamily(probe) : probe.platform) {
    case 'debian': {
      const packages = [
        ...(needs('browser') ? ['chromium'] : []),
        ...(needs('redis-server') ? ['redis-server'] : []),
      ];
      return [`${sudo}apt-get install -y ${packages.join(' ')}`];
    }
    case 'ubuntu':
      return [
        ...(needs('redis-server') ? [`${sudo}apt-get install -y redis-server`] : []),
        ...(needs('browser')
          ? [
              `${sudo}snap install chromium  (Ubuntu packages Chromium only as a snap; without snapd, ` +
                `as in containers, install Google Chrome's .deb from https://www.google.com/chrome/)`,
            ]
          : []),
      ];
    case 'darwin':
      return [
        ...(needs('redis-server') ? ['brew install redis'] : []),
        ...(needs('browser') ? ['brew install --cask google-chrome'] : []),
      ];
    case 'win32':
      return [
        ...(needs('browser')
          ? ['winget install -e --id Google.Chrome  (or https://www.google.com/chrome/)']
          : []),
        ...(needs('redis-server')
          ? [
              'Redis has no official Windows build: run npm test inside WSL (`wsl --install`), or install Memurai ' +
                '(https://www.memurai.com/), a Redis-compatible server, so that memurai.exe is on PATH',
            ]
          : []),
      ];
    default:
      return [
        `with your system's package manager: ${[
          needs('browser') ? 'Chromium or Google Chrome' : '',
          needs('redis-server') ? 'Redis (redis-server)' : '',
        ]
          .filter(Boolean)
          .join(' and ')}`,
      ];
  }
}

/** The Debian packages for what is missing, when this machine can install them itself. */
function aptPackages(probe, missing) {
  if (!probe.isRoot || !onPath(probe, 'apt-get')) return undefined;
  const family = linuxFamily(probe);
  const byItem = { browser: family === 'debian' ? 'chromium' : undefined, 'redis-server': 'redis-server' };
  if (family === 'other' || missing.some((item) => !byItem[item])) return undefined;
  return missing.map((item) => byItem[item]);
}

/**
 * What `npm test` with `needs` ({ browser, redis }) finds and must do on `probe`'s system:
 * `{ browser, redisServer }` found paths; `missing`; `install` ({ packages, commands, line }) when
 * this machine installs what is missing itself (Debian, root, apt-get); else `message` when
 * something is missing.
 */
export function checkPrerequisites(needs, probe = systemProbe()) {
  const browser = needs.browser ? findBrowser(probe) : undefined;
  const redisServer = needs.redis ? findRedisServer(probe) : undefined;
  const missing = [
    ...(needs.browser && !browser ? ['browser'] : []),
    ...(needs.redis && !redisServer ? ['redis-server'] : []),
  ];
  const result = { browser, redisServer, missing };
  if (missing.length === 0) return result;
  const bad = needs.browser ? badChromePath(probe) : undefined;
  const packages = bad ? undefined : aptPackages(probe, missing);
  if (packages) {
    const env = 'DEBIAN_FRONTEND=noninteractive';
    return {
      ...result,
      install: {
        packages,
        commands: [
          [env, 'apt-get', 'update', '-qq'],
          [env, 'apt-get', 'install', '-y', '-qq', ...packages],
        ],
        line:
          `prerequisites: installing ${packages.join(' ')} with apt-get ` +
          `(${linuxFamily(probe) === 'ubuntu' ? 'Ubuntu' : 'Debian'}, running as root), because npm test ` +
          `needs ${missing.map((item) => WHAT[item]).join(' and ')}, ` +
          `and ${missing.length > 1 ? 'found neither' : 'did not find it'}`,
      },
    };
  }
  return { ...result, message: missingMessage(probe, missing, { bad }) };
}

const NAMES = { browser: 'Chrome or Chromium', 'redis-server': 'redis-server' };

/**
 * Why `npm test` stops, and the command that fixes it on this system. `context`: 'npm test' (the
 * default) or the name of what stopped (the web-test-runner config, a bench).
 */
export function missingMessage(probe, missing, { context = 'npm test', bad = badChromePath(probe) } = {}) {
  const lines =
    context === 'npm test'
      ? [
          `npm test stopped before running any test: it needs ${missing.map((item) => WHAT[item]).join(' and ')}, ` +
            `and ${missing.length > 1 ? 'found neither' : 'did not find it'}.`,
        ]
      : [`${context}: ${missing.map((item) => NAMES[item]).join(' and ')} not found.`];
  const installable = bad ? missing.filter((item) => item !== 'browser') : missing;
  if (bad && missing.includes('browser')) {
    lines.push(
      `  CHROME_PATH is ${bad}, where there is no file: point it at a Chrome or Chromium executable, ` +
        `or unset it to let npm test look in the usual places.`,
    );
  }
  if (installable.length > 0) {
    const commands = installInstructions(probe, installable);
    if (commands.length === 1) lines.push(`  Install: ${commands[0]}`);
    else lines.push('  Install:', ...commands.map((command) => `    ${command}`));
  }
  const again = context === 'npm test' ? 'run npm test again' : 'try again';
  lines.push(
    installable.includes('browser')
      ? `  Then ${again} (a Chrome or Chromium elsewhere: set CHROME_PATH to it).`
      : `  Then ${again}.`,
  );
  return lines.join('\n');
}

/** Runs one install command (`[VAR=value…, program, ...args]`); returns its status and output. */
function runCommand([...words]) {
  const env = { ...process.env };
  while (words[0]?.includes('=')) {
    const [name, ...value] = words.shift().split('=');
    env[name] = value.join('=');
  }
  const result = spawnSync(words[0], words.slice(1), { env, encoding: 'utf8' });
  return {
    status: result.status ?? 1,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`,
  };
}

/**
 * Finds what `npm test` needs, installing it first when `checkPrerequisites` says this machine
 * can. Returns `{ ok: true, browser, redisServer }` or `{ ok: false, message }`. `run` runs one
 * install command (tests pass a fake); `log` prints the line that says what is installed.
 */
export function ensurePrerequisites(
  needs,
  { probe = systemProbe(), run = runCommand, log = console.log } = {},
) {
  let check = checkPrerequisites(needs, probe);
  if (check.install) {
    log(check.install.line);
    for (const command of check.install.commands) {
      const { status, output } = run(command);
      if (status !== 0) {
        return {
          ok: false,
          message:
            `${output.trim().split('\n').slice(-20).join('\n')}\nnpm test stopped before running any test: \`${command.join(' ')}\` failed ` +
            `(status ${status}); it was installing ${check.install.packages.join(' ')}.`,
        };
      }
    }
    check = checkPrerequisites(needs, probe);
    if (check.install) check = { ...check, message: missingMessage(probe, check.missing) };
  }
  if (check.message) return { ok: false, message: check.message };
  return { ok: true, browser: check.browser, redisServer: check.redisServer };
}

/** The browser to launch, or an Error saying how to install one (web-test-runner config, bench). */
export function requireBrowser(context = 'Chrome', probe = systemProbe()) {
  const found = findBrowser(probe);
  if (!found) throw new Error(missingMessage(probe, ['browser'], { context }));
  return found;
}

/** The `redis-server` to start, or an Error saying how to install it (test/server, bench). */
export function requireRedisServer(context = 'redis-server', probe = systemProbe()) {
  const found = findRedisServer(probe);
  if (!found) throw new Error(missingMessage(probe, ['redis-server'], { context }));
  return found;
}

// Types of scripts/prerequisites.mjs (plain ESM, loaded by Node without TypeScript) for the
// TypeScript that imports it: test/unit/prerequisites.test.ts, test/support/cluster.ts, bench/.

/** What the module asks of the system; systemProbe() is the real one, tests pass a fake. */
export interface Probe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** The user's home directory (~/Applications on macOS). */
  home: string;
  /** Whether a file is there. */
  exists(file: string): boolean;
  isRoot: boolean;
  /** The text of /etc/os-release, if any. */
  osRelease: string | undefined;
}

export type Missing = 'browser' | 'redis-server';

export interface Needs {
  browser: boolean;
  redis: boolean;
}

export interface Check {
  browser: string | undefined;
  redisServer: string | undefined;
  missing: Missing[];
  /** Set when this machine installs what is missing itself (Debian, root, apt-get). */
  install?: {
    packages: string[];
    /** Each `[VAR=value…, program, ...args]`. */
    commands: string[][];
    /** The one line printed before installing. */
    line: string;
  };
  /** Set when something is missing and is not installed here: why, and the command. */
  message?: string;
}

export type Ensured =
  { ok: true; browser: string | undefined; redisServer: string | undefined } | { ok: false; message: string };

export const FALLBACK_BROWSER: string;
export function systemProbe(): Probe;
export function onPath(probe: Probe, name: string): string | undefined;
export function browserCandidates(probe: Probe): string[];
export function badChromePath(probe: Probe): string | undefined;
export function findBrowser(probe?: Probe): string | undefined;
export function findRedisServer(probe?: Probe): string | undefined;
export function linuxFamily(probe: Probe): 'debian' | 'ubuntu' | 'other';
export function installInstructions(probe: Probe, missing: Missing[]): string[];
export function checkPrerequisites(needs: Needs, probe?: Probe): Check;
export function missingMessage(
  probe: Probe,
  missing: Missing[],
  options?: { context?: string; bad?: string | undefined },
): string;
export function ensurePrerequisites(
  needs: Needs,
  options?: {
    probe?: Probe;
    run?: (command: string[]) => { status: number; output: string };
    log?: (line: string) => void;
  },
): Ensured;
export function requireBrowser(context?: string, probe?: Probe): string;
export function requireRedisServer(context?: string, probe?: Probe): string;

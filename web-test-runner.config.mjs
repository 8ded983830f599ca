import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { requireBrowser } from './scripts/prerequisites.mjs';
import { axPlugin } from './test/support/ax-plugin.mjs';
import { externalBotPlugin } from './test/support/bot-plugin.mjs';
import { cspPlugin } from './test/support/csp-plugin.mjs';
import { demoEndpointPlugin } from './test/support/demo-endpoint-plugin.mjs';
import {
  countsReporter,
  mediaPlugin,
  missingPanelMiddleware,
  referenceServerPlugin,
  wirePlugin,
  wsListenerPlugin,
} from './test/support/wtr-plugins.mjs';

// CHROME_PATH (set by scripts/test.mjs to the browser it found), else found the same way: Chrome's
// usual places, Chrome or Chromium on PATH, /usr/bin/chromium (scripts/prerequisites.mjs).
const executablePath = requireBrowser('web-test-runner.config.mjs');

export default {
  files: ['test/browser/**/*.test.ts', 'test/e2e/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [missingPanelMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    referenceServerPlugin(),
    wirePlugin(),
    axPlugin(),
    cspPlugin(),
    demoEndpointPlugin(),
    mediaPlugin(),
    wsListenerPlugin(),
    externalBotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Test files run in parallel tabs; keep background tabs running at full speed.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter()],
};

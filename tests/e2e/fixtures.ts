import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/simulator';
import { openKeychainVault } from '../../src/main/platform/keychain';
import type { CredentialVault } from '../../src/main/core/credential-vault';
import { startHarness, type Harness } from './harness/harness';
import { ConnectPage } from './pages/connect-page';
import { WallPage } from './pages/wall-page';

/** Per-test world: its own simulator, user-data folder, keychain service and harness. */
export const test = base.extend<{
  simOptions: SimulatorOptions;
  /** The organisation's policy file for this test, as JSON text; none when null. */
  policyJson: string | null;
  sim: Simulator;
  vault: CredentialVault;
  harness: Harness;
  connect: ConnectPage;
  wall: WallPage;
}>({
  simOptions: [{ streams: 12, groups: 2, seed: 11, lifecycle: false }, { option: true }],
  policyJson: [null, { option: true }],
  sim: async ({ simOptions }, use) => {
    const sim = await startSimulator(simOptions);
    await use(sim);
    await sim.close();
  },
  // Playwright requires the object pattern even when a fixture depends on nothing.
  // eslint-disable-next-line no-empty-pattern
  vault: async ({}, use) => {
    // A service name of its own, so tests never see each other's (or an operator's) credentials.
    const service = `bintu-wall-e2e-${randomBytes(4).toString('hex')}`;
    await use(await openKeychainVault({ service }));
  },
  harness: async ({ page, vault, policyJson }, use, testInfo) => {
    let policyFile: string | undefined;
    if (policyJson !== null) {
      policyFile = testInfo.outputPath('policy', 'policy.json');
      mkdirSync(dirname(policyFile), { recursive: true });
      writeFileSync(policyFile, policyJson);
    }
    const harness = await startHarness({ userDataDir: testInfo.outputPath('user-data'), vault, ...(policyFile !== undefined && { policyFile }) });
    await harness.attach(page);
    await use(harness);
    await harness.close();
  },
  connect: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(new ConnectPage(page));
  },
  wall: async ({ page }, use) => {
    await use(new WallPage(page));
  },
});

export { expect } from '@playwright/test';

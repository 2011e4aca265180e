import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EscalationOutcome, EscalationReason } from '@warmline/contracts';
import { repoRoot } from '@warmline/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { eventsFor } from '../test/events.test';
import { startHarness, type Harness } from '../test/harness.test';
import { CALLER, realisticCall } from '../test/realisticCall.test';

const SCREENSHOT = path.join(repoRoot(), 'docs', 'agent-desk.png');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Nothing but loopback resolves: the browser can never reach the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

let h: Harness;
let profile: string;
let browser: BrowserContext;
let page: Page;

/** An earlier escalation that ended in a voicemail, so the list is not alone. */
const earlierCall = (callId: string, at: Date) => {
  const e = eventsFor(callId, at);
  return [
    e.call(0, {
      $case: 'started',
      value: {
        callerNumber: '+14155550177',
        calleeNumber: '+14155550199',
        connectorId: 'acme-support',
      },
    }),
    e.conversation(5_000, {
      $case: 'transcribed',
      value: { turnId: 't1', text: 'I need to change the delivery address on my order.' },
    }),
    e.conversation(6_000, {
      $case: 'escalationRequested',
      value: { reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE, turnId: 't1' },
    }),
    e.escalation(6_100, {
      $case: 'started',
      value: { reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE },
    }),
    e.escalation(75_000, {
      $case: 'finished',
      value: { outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL },
    }),
  ];
};

beforeAll(async () => {
  h = await startHarness();
  await h.append(earlierCall('call-desk-0', new Date(Date.now() - 14 * 60_000)));
  await h.app.caughtUp();
  profile = mkdtempSync(path.join(tmpdir(), 'warmline-desk-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 940 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const deskOrigin = new URL(h.endpoints.deskUrl ?? '').origin;
  await browser.route('**/*', (route) =>
    new URL(route.request().url()).origin === deskOrigin ? route.continue() : route.abort(),
  );
  page = browser.pages()[0] ?? (await browser.newPage());
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await h?.close();
});

describe('the agent desk in a browser', () => {
  it('shows an escalation arrive live, pops it up with reason, summary and turns, and rings', async () => {
    await page.goto(h.endpoints.deskUrl ?? '');
    await page.locator('#live[data-state="live"]').waitFor();
    await page.locator('#escalations li[data-call-id="call-desk-0"]').waitFor();

    const phases = realisticCall('call-desk-1', new Date(Date.now() - 21_000));
    await h.append(phases.conversation);

    const item = page.locator('#escalations li[data-call-id="call-desk-1"]');
    await item.waitFor();
    await expectText(item, 'Caller is frustrated');
    await expectText(page.locator('#caller-number'), CALLER);
    await expectText(page.locator('#reason'), 'Caller is frustrated');
    await page.locator('#turns li').nth(4).waitFor();
    expect(await page.locator('#turns li').count()).toBe(5);
    await expectText(page.locator('#turns li').nth(2), 'card number redacted');
    expect(await page.locator('#turns li.agent .unheard').first().textContent()).toContain(
      'duplicate charges',
    );

    await h.append(phases.handoff);
    await page.locator('#ring-banner:not([hidden])').waitFor();
    await expectText(page.locator('#summary'), 'Charged twice for order 88231');
    await expectText(page.locator('#status'), 'Phone ringing');
    expect(await page.locator('#escalations li').count()).toBe(2);
    expect(await page.content()).not.toContain('4111 1111');

    await page.locator('details.timeline > summary').click();
    await page.locator('#timeline li').first().waitFor();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});

const expectText = async (locator: ReturnType<Page['locator']>, text: string) => {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
};

// Journey 2: configuration. A feature flag rolled out to a percentage of tenants with an allowlisted tenant, checked
// tenant by tenant and widened; then a platform settings change, a second one, the version history and a rollback.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, assertNoPageErrors, confirmWithReason, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

/** The flag's rollout bucket of a tenant, 0 to 9,999, computed as docs/feature-flags.md specifies (not by the app). */
function bucket(flagKey, tenantId) {
  const hash = createHash("sha256").update(`${flagKey}:${tenantId}`, "utf8").digest().readUInt32BE(0);
  return Math.floor((hash * 10_000) / 2 ** 32);
}

/** A made-up tenant id whose bucket for `flagKey` lies in [from, to). */
function tenantInBuckets(flagKey, from, to) {
  for (;;) {
    const id = `t${randomBytes(8).toString("hex")}`;
    const b = bucket(flagKey, id);
    if (b >= from && b < to) return id;
  }
}

describe("Journey 2: feature flags and platform settings", () => {
  let browser;
  let page;
  const run = randomBytes(4).toString("hex");
  const key = `e2e.bulk-send-${run}`;
  // Settings are platform-wide and outlive a run: the reasons carry the run, to find this run's versions.
  const reasons = { first: `Tighter bounce threshold after the March incident (${run})`, rollback: `Complaint threshold too loose; back to the reviewed values (${run})` };
  const allowlisted = tenantInBuckets(key, 3000, 10_000); // outside 30 %: on only because it is allowlisted
  const early = tenantInBuckets(key, 0, 3000); // inside 30 %
  const later = tenantInBuckets(key, 3000, 6000); // outside 30 %, inside 60 %
  const tab = (name) => page.getByRole("tablist", { name: "Tenant administration" }).getByRole("tab", { name });
  const flagRow = () => page.getByRole("table", { name: "Feature flags" }).getByRole("row").filter({ hasText: key });

  /** Checks the flag for a tenant in "Check flags for a tenant or user"; answers [result, why] as shown. */
  async function decisionFor(tenantId) {
    const check = page.getByRole("region", { name: "Check flags for a tenant or user" });
    await check.getByRole("textbox", { name: "Tenant id" }).fill(tenantId);
    await check.getByRole("button", { name: "Evaluate" }).click();
    // The table names whom its decisions are for, so an earlier tenant's answer cannot be read by mistake.
    const cells = check.getByRole("table", { name: `Flag decisions for tenant ${tenantId}` }).getByRole("row").filter({ hasText: key }).getByRole("cell");
    await cells.first().waitFor();
    return [await cells.nth(1).innerText(), await cells.nth(2).innerText()];
  }

  /** The settings JSON editor's current text, parsed. */
  async function editorValues() {
    return JSON.parse(await page.getByRole("textbox", { name: "Values (JSON)" }).inputValue());
  }

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tenants" }).click();
    await settled(page, "Tenants");
  });
  after(async () => browser?.close());

  it("creates a flag enabled for 30 % of tenants, with one tenant always on", async () => {
    await tab("Feature flags").click();
    await page.getByRole("button", { name: "New flag" }).click();
    const dialog = page.getByRole("dialog", { name: "New feature flag" });
    await dialog.getByRole("textbox", { name: "Key" }).fill(key);
    await dialog.getByRole("textbox", { name: "Description" }).fill("Bulk sending API for the beta cohort");
    await dialog.getByRole("checkbox", { name: "Enabled" }).check();
    await dialog.getByRole("spinbutton", { name: "Rollout percentage" }).fill("30");
    await dialog.getByRole("textbox", { name: "Always on for tenants" }).fill(allowlisted);
    await dialog.getByRole("textbox", { name: "Reason (optional)" }).fill("Beta starts with a third of tenants");
    await assertAccessible(page, "flag-create-dialog");
    await screenshot(page, "journey2-new-flag", { fullPage: false });
    await dialog.getByRole("button", { name: "Save flag" }).click();
    await toast(page, `Flag ${key} saved.`);
    await dialog.waitFor({ state: "hidden" });

    await flagRow().getByRole("cell", { name: "30%" }).waitFor();
    assert.match(await flagRow().innerText(), /enabled[\s\S]*1 tenant\(s\) allowed/);
    const saved = await apiOk(`/api/flags/${key}`, { token: env.adminToken });
    assert.deepEqual([saved.enabled, saved.rolloutPercentage, saved.allowTenants], [true, 30, [allowlisted]]);
  });

  it("checks tenants: the allowlisted one is on, the others as their rollout bucket says", async () => {
    assert.deepEqual(await decisionFor(allowlisted), ["enabled", "On the allowlist"]);
    assert.deepEqual(await decisionFor(early), ["enabled", "Inside the rollout percentage"]);
    assert.deepEqual(await decisionFor(later), ["disabled", "Outside the rollout percentage"]);
    await settled(page, "Tenants");
    await assertAccessible(page, "flags-evaluated");
    await screenshot(page, "journey2-flags");
  });

  it("widens the rollout to 60 %: tenants already in stay in, and the next ones join", async () => {
    await page.getByRole("button", { name: `Edit ${key}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit flag ${key}` });
    await dialog.getByRole("spinbutton", { name: "Rollout percentage" }).fill("60");
    await dialog.getByRole("button", { name: "Save flag" }).click();
    await toast(page, `Flag ${key} saved.`);
    await dialog.waitFor({ state: "hidden" });
    await flagRow().getByRole("cell", { name: "60%" }).waitFor();

    assert.deepEqual(await decisionFor(early), ["enabled", "Inside the rollout percentage"]);
    assert.deepEqual(await decisionFor(later), ["enabled", "Inside the rollout percentage"]);
    assert.deepEqual(await decisionFor(allowlisted), ["enabled", "On the allowlist"]);
    const audit = await apiOk(`/api/audit?targetId=${encodeURIComponent(key)}`, { token: env.adminToken });
    assert.deepEqual(audit.items.map((e) => e.action).sort(), ["flags.create", "flags.update"]);
  });

  it("saves a deliverability change as a new version, after reviewing the difference", async () => {
    await tab("Platform settings").click();
    await page.getByRole("combobox", { name: "Settings section" }).selectOption("deliverability");
    const current = await apiOk("/api/settings/deliverability", { token: env.adminToken });
    const values = await editorValues();
    assert.deepEqual(values, current.values);

    const bounce = values.bounceRateThresholdPercent === 3 ? 4 : 3;
    await page.getByRole("textbox", { name: "Values (JSON)" }).fill(JSON.stringify({ ...values, bounceRateThresholdPercent: bounce }, null, 2));
    await page.getByRole("button", { name: "Review and save" }).click();
    const dialog = page.getByRole("dialog", { name: `Save deliverability as version ${current.version + 1}` });
    const change = dialog.getByRole("table", { name: "Changed settings" }).getByRole("row", { name: /bounceRateThresholdPercent/ });
    assert.deepEqual(await change.getByRole("cell").allInnerTexts(), [String(values.bounceRateThresholdPercent), String(bounce)]);
    await assertAccessible(page, "settings-review-dialog");
    await screenshot(page, "journey2-settings-review", { fullPage: false });
    await dialog.getByRole("textbox", { name: "Reason (optional)" }).fill(reasons.first);
    await dialog.getByRole("button", { name: "Save new version" }).click();
    await dialog.waitFor({ state: "hidden" });
    await toast(page, "deliverability saved as a new version.");

    const versions = page.getByRole("table", { name: "Versions of deliverability" });
    await versions.getByRole("row").filter({ hasText: reasons.first }).waitFor();
    const saved = await apiOk("/api/settings/deliverability", { token: env.adminToken });
    assert.equal(saved.version, current.version + 1);
    assert.equal(saved.values.bounceRateThresholdPercent, bounce);
  });

  it("makes a second change, then rolls back to the first: the rollback is a new version with the old values", async () => {
    const first = await apiOk("/api/settings/deliverability", { token: env.adminToken });
    const values = await editorValues();
    assert.deepEqual(values, first.values, "the editor does not show the version just saved");
    await page.getByRole("textbox", { name: "Values (JSON)" }).fill(JSON.stringify({ ...values, complaintRateThresholdPercent: 0.3 }, null, 2));
    await page.getByRole("button", { name: "Review and save" }).click();
    const dialog = page.getByRole("dialog", { name: `Save deliverability as version ${first.version + 1}` });
    await dialog.getByRole("button", { name: "Save new version" }).click();
    await dialog.waitFor({ state: "hidden" });
    await toast(page, "deliverability saved as a new version.");

    await page.getByRole("button", { name: `Roll back to version ${first.version}` }).click();
    const rollback = page.getByRole("dialog", { name: `Roll deliverability back to version ${first.version}` });
    const change = rollback.getByRole("table", { name: "Changed settings" }).getByRole("row", { name: /complaintRateThresholdPercent/ });
    assert.deepEqual(await change.getByRole("cell").allInnerTexts(), ["0.3", String(first.values.complaintRateThresholdPercent)]);
    await screenshot(page, "journey2-settings-rollback", { fullPage: false });
    await confirmWithReason(page, "Roll back", reasons.rollback);
    await toast(page, `deliverability rolled back to version ${first.version}.`);

    const versions = page.getByRole("table", { name: "Versions of deliverability" });
    await versions.getByRole("row").filter({ hasText: reasons.rollback }).waitFor();
    const now = await apiOk("/api/settings/deliverability", { token: env.adminToken });
    assert.equal(now.version, first.version + 2);
    assert.deepEqual(now.values, first.values);
    assert.deepEqual(await editorValues(), first.values);
    await settled(page, "Tenants");
    await assertAccessible(page, "settings-history");
    await screenshot(page, "journey2-settings-history");
    assertNoPageErrors(page);
  });
});

// Journey 4, monitoring: the dashboard shows the components' health and the queues the API reports.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { screenshot, settled, signInWithToken } from "../support/ui.mjs";

describe("Journey 4: monitoring dashboard", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    await page.goto("/dashboard");
    await settled(page, "Dashboard");
  });
  after(async () => browser?.close());

  it("shows every component's health", async () => {
    const health = await apiOk("/api/monitoring/health", { token: env.adminToken });
    const table = page.getByRole("table", { name: "Component health" });
    await table.waitFor();
    for (const component of health.components) {
      await table.getByRole("row").filter({ hasText: component.name }).first().waitFor();
    }
    assert.ok(health.components.length > 0, "the API reports no components");
  });

  it("shows the queues with their depth and poison counts", async () => {
    const queues = await apiOk("/api/monitoring/queues", { token: env.adminToken });
    const table = page.getByRole("table", { name: "Queue depth and poison messages" });
    await table.waitFor();
    assert.ok(queues.items.length > 0, "the API reports no queues");
    await table.getByRole("row").filter({ hasText: queues.items[0].name }).first().waitFor();
    await page.getByRole("button", { name: "Refresh now" }).click();
    await page.waitForLoadState("networkidle");
    await screenshot(page, "journey-monitoring");
  });
});

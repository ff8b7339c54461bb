// Journey 4, monitoring: the dashboard shows the components' health and the queues the API reports, and charts the
// request series after traffic this test generates, with hover values, over the last hour and the last 24 hours.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { api, apiOk } from "../support/api.mjs";
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

  it("charts the requests it just made, with values on hover, over the last hour and the last 24 hours", async () => {
    for (let i = 0; i < 12; i++) await apiOk("/api/roles", { token: env.adminToken });
    for (let i = 0; i < 3; i++) await api("/api/staff/no-such-member", { token: env.adminToken });
    const series = await apiOk("/api/monitoring/series?metric=requests&step=minute", { token: env.adminToken });
    assert.equal(series.points.length, 60);
    const total = series.points.reduce((sum, p) => sum + (p.value ?? 0), 0);
    assert.ok(total >= 15, `the series counts ${total} requests, fewer than this test made`);

    await page.reload();
    await settled(page, "Dashboard");
    const requests = page.getByRole("figure", { name: "Requests, last hour" });
    await requests.locator("canvas").waitFor();
    assert.equal(await requests.getAttribute("data-points"), "60");
    assert.ok(Number(await requests.getAttribute("data-measured")) > 0, "the chart drew no measured point");

    // Hovering the busiest minute shows its value in the legend.
    const busiest = series.points.reduce((best, p, i) => ((p.value ?? 0) > (series.points[best].value ?? 0) ? i : best), 0);
    const box = await requests.locator(".u-over").boundingBox();
    await page.mouse.move(box.x + Math.min(box.width - 1, Math.max(1, (busiest / 59) * box.width)), box.y + box.height / 2);
    const value = requests.locator(".u-legend .u-series").filter({ hasText: "Requests" }).locator(".u-value");
    await page.waitForFunction((el) => el && /^\d+$/.test(el.textContent.trim()) && Number(el.textContent) > 0, await value.elementHandle());
    await screenshot(page, "journey-monitoring-trends-hour");

    await page.getByRole("button", { name: "Last 24 hours" }).click();
    const daily = page.getByRole("figure", { name: "Requests, last 24 hours" });
    await daily.locator("canvas").waitFor();
    assert.equal(await daily.getAttribute("data-points"), "24");
    await page.getByRole("figure", { name: "p95 latency, last 24 hours" }).locator("canvas").waitFor();
    await screenshot(page, "journey-monitoring-trends-day");
  });
});

// Compliance reports: generate a weekly access report for a past Monday and read its HTML.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

/** The Monday (UTC) of the week before last, as yyyy-mm-dd: a whole past week. */
function pastMonday() {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 14);
  return day.toISOString().slice(0, 10);
}

describe("Compliance reports", () => {
  let browser;
  let page;
  const monday = pastMonday();
  let reportId;

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    await page.goto("/reports");
    await settled(page, "Reports");
  });
  after(async () => browser?.close());

  it("generates a weekly access report for a past Monday", async () => {
    const form = page.locator("section").filter({ has: page.getByRole("heading", { name: "Generate a report" }) });
    await form.getByRole("combobox", { name: "Type" }).selectOption("weekly-access");
    await form.getByLabel("Period start").fill(monday);
    await form.getByRole("button", { name: "Generate" }).click();
    await toast(page, "Report requested.");
    const reports = await apiOk("/api/reports?type=weekly-access", { token: env.adminToken });
    reportId = reports.items.find((r) => String(r.periodStart).startsWith(monday))?.id;
    assert.ok(reportId, `no weekly report for ${monday} in ${JSON.stringify(reports.items)}`);
    await page.locator(`a[href="/reports/${encodeURIComponent(reportId)}"]`).first().waitFor();
  });

  it("opens it and shows its HTML", async () => {
    await page.locator(`a[href="/reports/${encodeURIComponent(reportId)}"]`).first().click();
    await settled(page, "Weekly access report");
    const frame = page.frameLocator('iframe[title="Weekly access report content"]');
    await frame.locator("body").waitFor();
    assert.ok((await frame.locator("body").innerText()).trim().length > 0, "the report's HTML is empty");
    await assertAccessible(page, "report-detail", { exclude: [".report-frame"] });
    await screenshot(page, "journey-report");
  });
});

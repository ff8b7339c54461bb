// Compliance reports: generate a weekly access report for a past Monday and read its HTML, styled.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, assertNoPageErrors, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

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

  it("opens it and shows its HTML, styled by its own stylesheet (which the page's CSP allows by its hash)", async () => {
    await page.locator(`a[href="/reports/${encodeURIComponent(reportId)}"]`).first().click();
    await settled(page, "Weekly access report");
    const frame = page.frameLocator('iframe[title="Weekly access report content"]');
    await frame.locator("body").waitFor();
    assert.ok((await frame.locator("body").innerText()).trim().length > 0, "the report's HTML is empty");
    // Unstyled, the summary is a bulleted list and the header has no rule under it; the report's CSS makes them a grid
    // of bordered figures and a 3px line. A stylesheet the CSP refused would leave the browser's defaults.
    const summary = frame.getByRole("list").first();
    const style = (locator, properties) => locator.evaluate((element, names) => {
      const computed = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, computed.getPropertyValue(name)]));
    }, properties);
    assert.deepEqual(await style(summary, ["display", "list-style-type"]), { display: "grid", "list-style-type": "none" });
    assert.deepEqual(await style(frame.locator("header"), ["border-bottom-width", "border-bottom-style"]), { "border-bottom-width": "3px", "border-bottom-style": "solid" });
    await assertAccessible(page, "report-detail", { exclude: [".report-frame"] });
    await screenshot(page, "journey-report");
    assertNoPageErrors(page);
  });
});

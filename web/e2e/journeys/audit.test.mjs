// The audit log: filters, chain verification, and the export.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { settled, signInWithToken } from "../support/ui.mjs";

describe("Audit log", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await settled(page, "Audit log");
  });
  after(async () => browser?.close());

  it("filters by action", async () => {
    const filters = page.getByRole("search", { name: "Filter the audit log" });
    await filters.getByRole("textbox", { name: "Action", exact: true }).fill("staff.bootstrap");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const events = page.getByRole("table", { name: "Audit events" });
    await events.getByRole("row").filter({ hasText: "staff.bootstrap" }).first().waitFor();
    const rows = await events.locator("tbody tr").allInnerTexts();
    assert.ok(rows.length > 0 && rows.every((row) => row.includes("staff.bootstrap")), rows.join("\n"));
    await filters.getByRole("button", { name: "Clear" }).click();
  });

  it("verifies the hash chain and reports it intact", async () => {
    await page.getByRole("button", { name: "Verify the chain" }).click();
    const result = page.getByRole("status").filter({ hasText: "The chain is intact." });
    await result.waitFor({ timeout: 60_000 }); // verification reads the whole window of the log
    assert.match(await result.innerText(), /[1-9][\d,]* events checked/);
  });

  it("downloads the export as a CSV file named after its time range", async () => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download export" }).click()]);
    assert.match(file.suggestedFilename(), /^audit-\d{8}T\d{6}-\d{8}T\d{6}\.csv$/);
  });
});

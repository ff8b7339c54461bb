// Journey 6, finance: a tenant's billing and transactions. The test app has no Stripe key and no billing account
// (those come from Stripe), so the screens must show the API's own answer: its data, or its problem, calmly.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { api } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, screenshot, settled, signInWithToken } from "../support/ui.mjs";

/** The notice the SPA shows for a problem: calm for 503 *_not_configured, an error otherwise; with status and code. */
async function problemShown(page, problem) {
  const notice = problem.status === 503 && String(problem.body?.code).endsWith("_not_configured")
    ? page.getByRole("status").filter({ hasText: "Not configured on this server" })
    : page.locator(".alert-error");
  await notice.first().waitFor();
  const text = await notice.first().innerText();
  assert.ok(text.includes(`${problem.status} · ${problem.body.code}`), text);
  if (problem.body.detail) assert.ok(text.includes(problem.body.detail), text);
}

describe("Journey 6: finance", () => {
  let browser;
  let page;
  const tenantId = `t-e2e-${randomBytes(4).toString("hex")}`;

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
  });
  after(async () => browser?.close());

  it("opens a tenant's billing: Stripe links, or the API's problem as it says it", async () => {
    await page.goto("/dashboard/finance?tab=billing");
    await settled(page, "Finance");
    await page.getByRole("search", { name: "Choose a tenant" }).getByRole("textbox", { name: "Tenant id" }).fill(tenantId);
    await page.getByRole("button", { name: "Show billing" }).click();
    const expected = await api(`/api/finance/tenants/${tenantId}/billing`, { token: env.adminToken });
    if (expected.status === 200) {
      await page.getByRole("link", { name: /View in Stripe/ }).first().waitFor();
    } else {
      await problemShown(page, expected);
    }
    await assertAccessible(page, "finance-billing");
    await screenshot(page, "journey-finance-billing");
  });

  it("lists the tenant's transactions as the API answers", async () => {
    await page.getByRole("tab", { name: "Transactions" }).click();
    await page.getByRole("search", { name: "Search transactions" }).getByRole("textbox", { name: "Tenant id" }).fill(tenantId);
    await page.getByRole("button", { name: "Search" }).click();
    const expected = await api(`/api/finance/transactions?tenantId=${tenantId}`, { token: env.adminToken });
    if (expected.status === 200) {
      const table = page.getByRole("table", { name: "Transactions" });
      await table.waitFor();
      if (expected.body.items.length === 0) await page.getByText("No transactions.").waitFor();
    } else {
      await problemShown(page, expected);
    }
    await screenshot(page, "journey-finance-transactions");
  });

  it("a dispute needs the tenant's billing account: the API refuses one for an unknown tenant", async () => {
    const result = await api("/api/finance/disputes", { token: env.adminToken, method: "POST", body: { tenantId, reason: "Browser test: dispute without an account" } });
    assert.equal(result.status, 404, JSON.stringify(result.body));
  });
});

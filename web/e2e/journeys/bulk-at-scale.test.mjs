// Journey 1 at scale: an administrator imports 1,000 users into a new tenant from a CSV file (a bad file first, which
// the dry run answers row by row: line, field, reason), then changes the role of every user of that tenant by filter.
// More than 500 users run as the users-bulk workflow: the screen draws its progress bar from the workflow's status
// and pages the per-user results once it has finished.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, assertNoPageErrors, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

const Users = 1000;

describe("Journey 1 at scale: a 1,000-user import and a bulk change by filter", () => {
  let browser;
  let page;
  let tenant;
  const suffix = randomBytes(4).toString("hex");
  const domain = `north-${suffix}.example`;
  const bulkTab = (name) => page.getByRole("tablist", { name: "Select users" }).getByRole("tab", { name });

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    tenant = await apiOk("/api/tenants", {
      token: env.adminToken, method: "POST", body: { name: `North Mail ${suffix}`, primaryDomain: domain, plan: "growth", ownerEmail: `owner@${domain}` },
    }, 201);
    await apiOk(`/api/tenants/${tenant.id}/approve`, { token: env.adminToken, method: "POST", body: { reason: "Browser test: verified" } });
  });
  after(async () => browser?.close());

  const importForm = () => page.getByRole("form", { name: "Import users" });
  const upload = (text, name) => importForm().getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

  it("dry-runs a bad file: each bad row shows its line, field and reason, and nothing is created", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & staff" }).click();
    await page.getByRole("tab", { name: "Bulk operations" }).click();
    await bulkTab("Import into a tenant").click();
    await importForm().getByLabel("Tenant", { exact: true }).selectOption(tenant.id);
    await upload(`email,displayName,role\nfine.${suffix}@${domain},Fine,member\nnot-an-email,Broken,member\nrole.${suffix}@${domain},Wrong role,overlord\n`, "bad.csv");
    await importForm().getByLabel("Reason (recorded in the audit log)").fill("Migrating North Mail's mailboxes");
    await importForm().getByRole("button", { name: "Dry run" }).click();

    const rows = page.getByRole("table", { name: "Dry run results per row" });
    await rows.getByRole("row").filter({ hasText: "not-an-email" }).waitFor();
    const bad = await rows.innerText();
    assert.match(bad, /3[\s\S]*not-an-email[\s\S]*failed[\s\S]*email/);
    assert.match(bad, /4[\s\S]*failed[\s\S]*role/);
    assert.equal((await apiOk(`/api/users?tenantId=${tenant.id}`, { token: env.adminToken })).items.length, 0, "a dry run created users");
    await settled(page, "Users & staff");
    await assertAccessible(page, "users-import-row-errors");
    await screenshot(page, "journey1-import-row-errors");
  });

  it("imports 1,000 users from a good file after its dry run", async () => {
    const lines = Array.from({ length: Users }, (_, i) => `user${i}.${suffix}@${domain},User ${i},member`);
    await upload(["email,displayName,role", ...lines].join("\n") + "\n", "north-mail.csv");
    await importForm().getByRole("button", { name: "Dry run" }).click();
    await page.getByRole("list", { name: "Import summary" }).getByText(`of ${Users} rows`).waitFor();
    await importForm().getByRole("button", { name: "Import", exact: true }).click();
    await toast(page, `Imported ${Users} users; 0 rows failed.`);
    const first = await apiOk(`/api/users?tenantId=${tenant.id}&pageSize=100`, { token: env.adminToken });
    assert.equal(first.items.length, 100);
    await screenshot(page, "journey1-import-done");
  });

  it("changes the role of every user of the tenant by filter: the dry run counts them, the run shows progress and every result", async () => {
    await bulkTab("By filter").click();
    const form = page.getByRole("form", { name: "Bulk by filter" });
    await form.getByLabel("Tenant", { exact: true }).selectOption(tenant.id);
    await form.getByLabel("Action").selectOption("change-role");
    await form.getByLabel("New role").selectOption("viewer");
    await form.getByLabel("Reason (recorded in the audit log)").fill("Read-only until the contract is signed");
    await form.getByRole("button", { name: "Dry run: count matches" }).click();
    const apply = form.getByRole("button", { name: `Apply to ${Users.toLocaleString("en-US")} matching users` });
    await apply.waitFor();
    await apply.click();

    const progress = page.getByRole("region", { name: "Bulk change by filter" });
    await progress.getByText(`${Users.toLocaleString("en-US")} of ${Users.toLocaleString("en-US")} processed: ${Users.toLocaleString("en-US")} changed, 0 unchanged, 0 failed.`)
      .waitFor({ timeout: 180_000 });
    const results = progress.getByRole("table", { name: "Results per user" });
    await results.getByRole("row").nth(1).waitFor();
    // A result names its user by email, linked to the user's page.
    const named = results.getByRole("row").nth(1).getByRole("link");
    assert.ok((await named.textContent()).endsWith(`@${domain}`), await named.textContent());
    assert.match(await named.getAttribute("href"), /^\/dashboard\/users\/platform\/[0-9a-f]{24}$/);
    await settled(page, "Users & staff");
    await assertAccessible(page, "users-bulk-by-filter-workflow");
    await screenshot(page, "journey1-bulk-by-filter-progress");
    const sample = await apiOk(`/api/users?tenantId=${tenant.id}&pageSize=100`, { token: env.adminToken });
    assert.ok(sample.items.every((u) => u.role === "viewer"), JSON.stringify(sample.items.map((u) => u.role)));
    const viewers = await apiOk(`/api/users?tenantId=${tenant.id}&role=viewer&pageSize=100`, { token: env.adminToken });
    assert.equal(viewers.items.length, 100);
    assertNoPageErrors(page);
  });
});

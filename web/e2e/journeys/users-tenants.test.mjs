// Journey 1: a new customer. Tenants: create two, reject one with a reason and approve the other from the onboarding
// queue, then edit the approved tenant's settings, billing and communication preferences. Users & staff: add a platform
// user, find it by search, ban it with a reason and unban it, run a bulk change of role (dry run first), export CSV.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, assertNoPageErrors, confirmWithReason, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

/** Saves one of the tenant page's forms and waits until the page holds the new ETag, so the next form's If-Match is current. */
async function saveTenantForm(page, tenantId, form, message) {
  const reloaded = page.waitForResponse((r) => r.request().method() === "GET" && new URL(r.url()).pathname === `/api/tenants/${tenantId}` && r.ok());
  await form.getByRole("button", { name: `Save ${(await form.getAttribute("aria-label")).toLowerCase()}` }).click();
  await toast(page, message);
  await reloaded;
}

/** The CSV export as [header, ...rows], each row an object by column name (the test's values hold no commas or quotes). */
function parseCsv(text) {
  const [header, ...lines] = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const columns = header.split(",");
  return { columns, rows: lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i], value]))) };
}

describe("Journey 1: tenants and their users", () => {
  let browser;
  let page;
  const suffix = randomBytes(4).toString("hex");
  const approved = { name: `Fjord Mail ${suffix}`, domain: `fjord-${suffix}.example`, owner: `owner@fjord-${suffix}.example` };
  const rejected = { name: `Spamalot ${suffix}`, domain: `spamalot-${suffix}.example`, owner: `owner@spamalot-${suffix}.example` };
  const user = { email: `ada.${suffix}@fjord-${suffix}.example`, name: `Ada Fjord ${suffix}` };
  const tenantsTab = (name) => page.getByRole("tablist", { name: "Tenant administration" }).getByRole("tab", { name });

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
  });
  after(async () => browser?.close());

  it("creates two tenants in Tenants > All tenants; both wait in the onboarding queue", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tenants" }).click();
    await tenantsTab("All tenants").click();
    for (const tenant of [approved, rejected]) {
      await page.getByRole("button", { name: "New tenant" }).click();
      const dialog = page.getByRole("dialog", { name: "New tenant" });
      await dialog.getByLabel("Name").fill(tenant.name);
      await dialog.getByLabel("Primary domain").fill(tenant.domain);
      await dialog.getByLabel("Plan").fill("growth");
      await dialog.getByLabel("Owner email").fill(tenant.owner);
      if (tenant === approved) await screenshot(page, "journey1-new-tenant", { fullPage: false });
      await dialog.getByRole("button", { name: "Create tenant" }).click();
      await toast(page, `${tenant.name} created; it waits in the onboarding queue.`);
      await dialog.waitFor({ state: "hidden" });
    }

    await tenantsTab("Onboarding queue").click();
    const queue = page.getByRole("table", { name: "Tenants awaiting approval" });
    for (const tenant of [approved, rejected]) {
      await queue.getByRole("row").filter({ hasText: tenant.domain }).getByRole("cell", { name: "pending" }).waitFor();
    }
    await settled(page, "Tenants");
    await assertAccessible(page, "tenants-onboarding-queue");
    await screenshot(page, "journey1-onboarding-queue");
  });

  it("rejects one with a reason and approves the other; the queue empties of both", async () => {
    await page.getByRole("button", { name: `Reject ${rejected.name}` }).click();
    await page.getByRole("dialog", { name: `Reject ${rejected.name}` }).getByText(rejected.domain).waitFor();
    await assertAccessible(page, "tenants-reject-dialog");
    await screenshot(page, "journey1-reject-confirmation", { fullPage: false });
    await confirmWithReason(page, "Reject", "Sending domain on a spam blocklist");
    await toast(page, `${rejected.name} rejected.`);

    await page.getByRole("button", { name: `Approve ${approved.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Approve ${approved.name}` });
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await toast(page, `${approved.name} approved.`);

    const queue = page.getByRole("table", { name: "Tenants awaiting approval" });
    for (const tenant of [approved, rejected]) await queue.getByRole("row").filter({ hasText: tenant.domain }).waitFor({ state: "detached" });
    const byDomain = async (tenant) => (await apiOk(`/api/tenants?q=${encodeURIComponent(tenant.domain)}`, { token: env.adminToken })).items[0];
    Object.assign(approved, await byDomain(approved));
    assert.equal(approved.status, "active");
    const refusal = await byDomain(rejected);
    assert.equal(refusal.status, "rejected");
    const audit = await apiOk(`/api/audit?targetId=${refusal.id}`, { token: env.adminToken });
    assert.ok(audit.items.some((e) => e.action === "tenants.reject" && e.reason === "Sending domain on a spam blocklist"), JSON.stringify(audit.items));
  });

  it("finds the approved tenant in All tenants and opens it by its link", async () => {
    await tenantsTab("All tenants").click();
    const filters = page.getByRole("search", { name: "Filter tenants" });
    await filters.getByRole("searchbox", { name: "Search" }).fill(approved.domain);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const row = page.getByRole("table", { name: "Tenants" }).getByRole("row").filter({ hasText: approved.domain });
    await row.getByRole("cell", { name: "active" }).waitFor();
    await settled(page, "Tenants");
    await assertAccessible(page, "tenants-all");
    await screenshot(page, "journey1-all-tenants");
    await row.getByRole("link", { name: approved.name }).click();
    await settled(page, approved.name);
  });

  it("edits its settings, billing and communication preferences", async () => {
    const settings = page.getByRole("form", { name: "Settings" });
    await settings.getByLabel("Time zone").fill("Europe/Oslo");
    await settings.getByLabel("Daily send limit").fill("2500");
    await settings.getByLabel("Data retention (days)").fill("180");
    await settings.getByLabel("Open and click tracking").uncheck();
    await saveTenantForm(page, approved.id, settings, "Tenant settings saved.");

    const billing = page.getByRole("form", { name: "Billing" });
    await billing.getByLabel("Billing email").fill(`billing@${approved.domain}`);
    await billing.getByLabel("Tax id").fill("NO123456789MVA");
    await billing.getByLabel("Currency").fill("nok");
    await saveTenantForm(page, approved.id, billing, "Billing details saved.");

    const preferences = page.getByRole("form", { name: "Preferences" });
    await preferences.getByLabel("Contact email").fill(`ops@${approved.domain}`);
    await preferences.getByLabel("Product updates").uncheck();
    await saveTenantForm(page, approved.id, preferences, "Communication preferences saved.");

    const saved = await apiOk(`/api/tenants/${approved.id}`, { token: env.adminToken });
    assert.deepEqual(saved.settings, { timezone: "Europe/Oslo", dailySendLimit: 2500, dataRetentionDays: 180, trackingEnabled: false });
    assert.deepEqual(saved.billing, { stripeCustomerId: null, billingEmail: `billing@${approved.domain}`, taxId: "NO123456789MVA", currency: "nok" });
    assert.deepEqual(saved.communicationPreferences, {
      contactEmail: `ops@${approved.domain}`, productUpdates: false, maintenanceNotices: true, billingNotices: true, securityNotices: true,
    });
    await settled(page, approved.name);
    await assertAccessible(page, "tenant-detail");
    await screenshot(page, "journey1-tenant-detail");
    assertNoPageErrors(page);
  });

  it("adds a platform user to the tenant in Users & staff > Platform users", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & staff" }).click();
    await page.getByRole("tab", { name: "Platform users" }).click();
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a platform user" });
    await dialog.getByLabel("Tenant").selectOption(approved.id);
    await dialog.getByLabel("Email").fill(user.email);
    await dialog.getByLabel("Display name").fill(user.name);
    await dialog.getByLabel("Role").selectOption("member");
    await assertAccessible(page, "users-add-dialog");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await toast(page, `Added ${user.email}.`);
    await dialog.waitFor({ state: "hidden" });
  });

  it("finds the user by search and opens it: never signed in", async () => {
    const filters = page.getByRole("search", { name: "Filter platform users" });
    await filters.getByRole("searchbox", { name: "Search" }).fill(user.email);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const table = page.getByRole("table", { name: "Platform users" });
    await table.getByRole("row").filter({ hasText: user.email }).waitFor();
    assert.equal(await table.locator("tbody tr").count(), 1, "the search found other users");
    // The tenant shows by name, linked to its page, not as an id.
    const tenant = table.getByRole("row").filter({ hasText: user.email }).getByRole("link", { name: approved.name });
    await tenant.waitFor();
    assert.equal(await tenant.getAttribute("href"), `/dashboard/tenants/${approved.id}`);
    await settled(page, "Users & staff");
    await assertAccessible(page, "users-platform-search");
    await screenshot(page, "journey1-user-search");

    await table.getByRole("link", { name: user.name }).click();
    await settled(page, user.name);
    const details = page.getByRole("region", { name: "Details" });
    // Sign-in activity: platform users sign in to the mail product, not here; this one never has.
    assert.match(await details.innerText(), /Last sign-in\s+Never/);
    assert.match(await details.innerText(), new RegExp(`Tenant\\s+${approved.name}`));
    user.id = (await apiOk(`/api/users?q=${encodeURIComponent(user.email)}`, { token: env.adminToken })).items[0].id;
  });

  it("bans the user with a reason, after a confirmation, then unbans", async () => {
    await page.getByRole("button", { name: "Ban user" }).click();
    const dialog = page.getByRole("dialog", { name: "Ban user" });
    await dialog.getByText(`${user.email} will be signed out everywhere`).waitFor();
    await assertAccessible(page, "user-ban-dialog");
    await screenshot(page, "journey1-ban-confirmation", { fullPage: false });
    await confirmWithReason(page, "Ban", "Phishing reports from three recipients");
    await toast(page, "User banned. Their sessions were revoked.");
    await page.getByRole("button", { name: "Unban user" }).waitFor();
    await settled(page, user.name);
    await screenshot(page, "journey1-user-banned");
    assert.equal((await apiOk(`/api/users/${user.id}`, { token: env.adminToken })).status, "banned");

    await page.getByRole("button", { name: "Unban user" }).click();
    await confirmWithReason(page, "Unban", "Reports were a misunderstanding");
    await toast(page, "User unbanned.");
    await page.getByRole("button", { name: "Ban user" }).waitFor();
    assert.equal((await apiOk(`/api/users/${user.id}`, { token: env.adminToken })).status, "active");
    const audit = await apiOk(`/api/audit?targetId=${user.id}`, { token: env.adminToken });
    for (const [action, reason] of [["users.ban", "Phishing reports from three recipients"], ["users.unban", "Reports were a misunderstanding"]]) {
      assert.ok(audit.items.some((e) => e.action === action && e.reason === reason), `${action} missing: ${JSON.stringify(audit.items)}`);
    }
  });

  it("changes roles in bulk: the dry run shows each user's outcome and writes nothing, then the same request applies", async () => {
    const second = await apiOk("/api/users", {
      token: env.adminToken, method: "POST", body: { tenantId: approved.id, email: `bo.${suffix}@${approved.domain}`, displayName: `Bo Fjord ${suffix}`, role: "member" },
    }, 201);
    const unknown = `u${randomBytes(12).toString("hex")}`;
    await page.getByRole("link", { name: "← All users" }).click();
    await page.getByRole("tab", { name: "Bulk operations" }).click();
    await page.getByLabel("Action").selectOption("change-role");
    await page.getByLabel("New role").selectOption("viewer");
    await page.getByLabel("User ids").fill([user.id, second.id, unknown].join("\n"));
    await page.getByLabel("Reason (recorded in the audit log)").fill("Read-only until the contract is signed");
    await page.getByRole("button", { name: "Dry run" }).click();

    const dryRun = page.getByRole("table", { name: "Dry run results per user" });
    // A result names its user by email; an id that matches nobody stays as given.
    const outcome = (who) => dryRun.getByRole("row").filter({ hasText: who }).getByRole("cell").nth(1);
    await dryRun.waitFor();
    assert.equal(await outcome(user.email).innerText(), "changed");
    assert.equal(await outcome(second.email).innerText(), "changed");
    assert.equal(await outcome(unknown).innerText(), "failed");
    assert.match(await dryRun.getByRole("row").filter({ hasText: unknown }).innerText(), /not_found/);
    assert.equal((await apiOk(`/api/users/${user.id}`, { token: env.adminToken })).role, "member", "a dry run changed a user");
    await settled(page, "Users & staff");
    await assertAccessible(page, "users-bulk-dry-run");
    await screenshot(page, "journey1-bulk-dry-run");

    await page.getByRole("button", { name: "Apply to 3 users" }).click();
    const confirm = page.getByRole("dialog", { name: "Apply bulk operation" });
    await confirm.getByRole("list", { name: "Outcome summary" }).waitFor();
    await screenshot(page, "journey1-bulk-confirmation", { fullPage: false });
    await confirm.getByRole("button", { name: "Apply", exact: true }).click();
    await toast(page, "Bulk change-role: 2 changed, 0 unchanged, 1 failed.");
    const results = page.getByRole("table", { name: "Results per user" });
    await results.getByRole("row").filter({ hasText: unknown }).waitFor();
    for (const id of [user.id, second.id]) assert.equal((await apiOk(`/api/users/${id}`, { token: env.adminToken })).role, "viewer");
    // The accounts changed: applying again first needs a dry run of what would happen now.
    assert.equal(await page.getByRole("button", { name: "Apply to 3 users" }).isDisabled(), true);
    await settled(page, "Users & staff");
    await screenshot(page, "journey1-bulk-applied");
  });

  it("exports the tenant's users as CSV: the header, then one row per user", async () => {
    await page.getByRole("tab", { name: "Platform users" }).click();
    const filters = page.getByRole("search", { name: "Filter platform users" });
    await filters.getByLabel("Tenant").selectOption(approved.id);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("table", { name: "Platform users" }).getByRole("row").filter({ hasText: user.email }).waitFor();
    const [file] = await Promise.all([page.waitForEvent("download"), filters.getByRole("button", { name: "Export CSV" }).click()]);
    assert.match(file.suggestedFilename(), /\.csv$/);
    const { columns, rows } = parseCsv(await readFile(await file.path(), "utf8"));
    assert.deepEqual(columns, ["id", "tenantId", "email", "displayName", "role", "status", "createdAt", "lastLoginAt", "bannedAt"]);
    assert.deepEqual(rows.map((r) => r.email).sort(), [user.email, `bo.${suffix}@${approved.domain}`].sort());
    for (const row of rows) {
      assert.equal(row.tenantId, approved.id);
      assert.equal(row.role, "viewer");
      assert.equal(row.status, "active");
    }
    assertNoPageErrors(page);
  });
});

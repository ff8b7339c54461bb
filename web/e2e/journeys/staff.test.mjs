// Journey 5: Staff Management > select an employee > edit roles > remove all roles; revoke sessions; suspend;
// the audit log shows it all; a promotion that adds user-manager; and an offboarding followed live to completion.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { api, apiOk, createStaff, googleIdToken, signInWithGoogle, uniqueEmail } from "../support/api.mjs";
import { fakeGoogleIdentityServices, launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { tokenInPage } from "../support/session.mjs";
import { openStaffMember, rolesCard } from "../support/staff-ui.mjs";
import { assertAccessible, assertNoPageErrors, confirmWithReason, nextCallReturnsToSignIn, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

describe("Journey 5: an employee leaves the team", () => {
  let browser;
  let admin;
  const employee = { email: uniqueEmail("jordan"), name: "Jordan Employee" };

  before(async () => {
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signInWithToken(admin, env.adminToken);
  });
  after(async () => browser?.close());

  it("an administrator adds the employee in Staff Management", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & staff" }).click();
    await admin.getByRole("button", { name: "Add staff member" }).click();
    const dialog = admin.getByRole("dialog", { name: "Add a staff member" });
    await dialog.getByLabel("Work email").fill(employee.email);
    await dialog.getByLabel("Display name").fill(employee.name);
    await dialog.getByLabel("support-agent").check();
    await dialog.getByRole("button", { name: "Add staff member" }).click();
    await toast(admin, `Added ${employee.email}`);
    const page = await apiOk(`/api/staff?q=${encodeURIComponent(employee.email)}`, { token: env.adminToken });
    employee.id = page.items[0].id;
    assert.deepEqual(page.items[0].roles, ["support-agent"]);
  });

  it("the employee signs in with Google and works", async () => {
    employee.page = await newPage(browser);
    await fakeGoogleIdentityServices(employee.page, await googleIdToken(employee.email));
    await employee.page.goto("/sign-in");
    await employee.page.getByRole("button", { name: "Sign in with Google" }).click();
    await employee.page.getByRole("navigation", { name: "Main" }).waitFor();
    employee.token = await tokenInPage(employee.page);
    assert.equal((await api("/api/me", { token: employee.token })).status, 200);
  });

  it("Edit Roles > Remove all assigned roles, confirmed with a reason, ends the employee's session at once", async () => {
    await openStaffMember(admin, employee.email);
    const roles = rolesCard(admin);
    await roles.getByRole("button", { name: "Remove all roles" }).click();
    await roles.getByRole("button", { name: "Review changes" }).click();
    const dialog = admin.getByRole("dialog", { name: "Confirm role changes" });
    await dialog.getByText("Removing a role signs this person out everywhere").waitFor();
    assert.match(await dialog.innerText(), /Roles removed[\s\S]*support-agent/);
    await screenshot(admin, "journey5-remove-roles-confirmation", { fullPage: false });
    await confirmWithReason(admin, "Save roles", "Leaving the company on Friday");
    await toast(admin, "Roles saved.");
    await admin.getByRole("region", { name: "Details" }).getByText("none").waitFor();

    const me = await api("/api/me", { token: employee.token });
    assert.equal(me.status, 401);
    assert.equal(me.body.code, "session_revoked");
  });

  it("the employee's browser returns to sign-in saying the session was revoked", async () => {
    await nextCallReturnsToSignIn(employee.page);
    await employee.page.getByText("Your session was revoked").waitFor();
  });

  it("'Revoke All Sessions', then 'Suspend', each confirmed with a reason", async () => {
    await admin.getByRole("button", { name: "Revoke all sessions" }).click();
    await confirmWithReason(admin, "Revoke all sessions", "Belt and braces after the role removal");
    await toast(admin, "Revoked 0 sessions.");
    await admin.getByRole("button", { name: "Suspend", exact: true }).click();
    await confirmWithReason(admin, "Suspend", "Leaving the company on Friday");
    await toast(admin, "Suspended.");
    await admin.getByRole("button", { name: "Reactivate" }).waitFor();
    await screenshot(admin, "journey5-staff-suspended");
    const member = await apiOk(`/api/staff/${employee.id}`, { token: env.adminToken });
    assert.equal(member.status, "suspended");
    assert.deepEqual(member.roles, []);
  });

  it("the audit log viewer shows the role removal, the revocation and the suspension with their reasons", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    const filters = admin.getByRole("search", { name: "Filter the audit log" });
    await filters.getByRole("textbox", { name: "Target id" }).fill(employee.id);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const events = admin.getByRole("table", { name: "Audit events" });
    for (const [action, reason] of [
      ["staff.sessions.revoke", "Belt and braces after the role removal"],
      ["staff.suspend", "Leaving the company on Friday"],
      ["staff.roles.set", "Leaving the company on Friday"],
    ]) {
      await events.getByRole("row").filter({ hasText: action }).filter({ hasText: reason }).waitFor();
    }
    await settled(admin, "Audit log");
    await screenshot(admin, "journey5-audit-log");
    assertNoPageErrors(admin);
  });

  it("a promotion adds user-manager: the diff shows the permissions gained, and nobody is signed out", async () => {
    const email = uniqueEmail("sam");
    const member = await createStaff(env.adminToken, { email, displayName: "Sam Support", roles: ["support-agent"] });
    const token = await signInWithGoogle(email);

    await openStaffMember(admin, email);
    const roles = rolesCard(admin);
    await roles.getByLabel("user-manager").check();
    await roles.getByRole("button", { name: "Review changes" }).click();
    const dialog = admin.getByRole("dialog", { name: "Confirm role changes" });
    const diff = await dialog.innerText();
    assert.match(diff, /Roles added[\s\S]*user-manager/);
    assert.match(diff, /Permissions gained[\s\S]*users\.ban[\s\S]*users\.bulk-edit/);
    assert.doesNotMatch(diff, /signs this person out/);
    await screenshot(admin, "journey5-promotion-confirmation", { fullPage: false });
    await confirmWithReason(admin, "Save roles", "Promoted to team lead");
    await toast(admin, "Roles saved.");

    const saved = await apiOk(`/api/staff/${member.id}`, { token: env.adminToken });
    assert.deepEqual([...saved.roles].sort(), ["support-agent", "user-manager"]);
    // Added roles take effect at the next sign-in; the current session keeps working meanwhile.
    assert.equal((await api("/api/me", { token })).status, 200);
    const next = await apiOk("/api/me", { token: await signInWithGoogle(email) });
    assert.ok(next.permissions.includes("users.ban"));
    assertNoPageErrors(admin);
  });

  it("'Offboard', confirmed with a reason: the progress advances live to completion, and Workflows lists the workflow", async () => {
    const email = uniqueEmail("casey");
    const member = await createStaff(env.adminToken, { email, displayName: "Casey Leaver", roles: ["support-agent", "finance"] });
    const token = await signInWithGoogle(email);
    await openStaffMember(admin, email);
    const sessions = admin.getByRole("table", { name: "Active sessions" });
    await sessions.getByRole("row").filter({ hasText: "127.0.0.1" }).waitFor(); // the Google sign-in just above

    // Every value the progress bar shows, recorded in the page as it changes (the bar appears once offboarding starts).
    await admin.evaluate(() => {
      window.offboardingProgress = [];
      const record = () => {
        const bar = document.querySelector('progress[aria-label^="Offboarding progress"]');
        if (bar && bar.value !== window.offboardingProgress.at(-1)) window.offboardingProgress.push(bar.value);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await admin.getByRole("button", { name: "Offboard", exact: true }).click();
    const dialog = admin.getByRole("dialog", { name: "Offboard staff member" });
    await dialog.getByText("Removes every role of Casey Leaver").waitFor();
    await screenshot(admin, "journey5-offboard-confirmation", { fullPage: false });
    await confirmWithReason(admin, "Start offboarding", "Contract ended; last day today");
    await toast(admin, "Offboarding started.");

    const progress = admin.getByRole("region", { name: "Offboarding progress" });
    await progress.getByRole("progressbar", { name: "Offboarding progress: 4 of 4 steps" }).waitFor();
    await progress.getByText("Completed", { exact: true }).waitFor();
    for (const step of ["Remove roles", "Revoke sessions", "Mark offboarded", "Audit review"]) {
      await progress.getByRole("listitem").filter({ hasText: `${step} (done)` }).waitFor();
    }
    const seen = await admin.evaluate(() => window.offboardingProgress);
    assert.deepEqual([...seen].sort((a, b) => a - b), seen, `the progress went backwards: ${seen}`);
    assert.equal(seen.at(-1), 4, `the progress stopped at ${seen}`);

    // The page reloads the person when the workflow finishes: no roles, no sessions, offboarded.
    const details = admin.getByRole("region", { name: "Details" });
    await details.getByText("offboarded").waitFor();
    assert.match(await details.innerText(), /Roles\s+none/);
    await sessions.getByText("No active sessions.").waitFor();
    assert.equal(await admin.getByRole("button", { name: "Offboard", exact: true }).count(), 0);
    const me = await api("/api/me", { token });
    assert.equal(me.status, 401);
    const saved = await apiOk(`/api/staff/${member.id}`, { token: env.adminToken });
    assert.equal(saved.status, "offboarded");
    assert.deepEqual(saved.roles, []);
    await settled(admin, "Casey Leaver");
    await assertAccessible(admin, "staff-offboarded");
    await screenshot(admin, "journey5-offboarding-complete");

    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }).click();
    const filters = admin.getByRole("search", { name: "Filter workflows" });
    await filters.getByRole("textbox", { name: "Type" }).fill("offboarding");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    const row = admin.getByRole("table", { name: "Workflows" }).getByRole("row").filter({ hasText: `offboarding-${member.id}` });
    await row.getByText("Completed").waitFor();
    await settled(admin, "Workflows");
    await assertAccessible(admin, "workflows-offboarding");
    await screenshot(admin, "journey5-workflows");
    await row.getByRole("link").click();
    await settled(admin, "offboarding");
    const history = admin.getByRole("table", { name: "Workflow history" });
    for (const step of ["RemoveRoles", "RevokeSessions", "MarkOffboarded", "AuditReview"]) {
      await history.getByRole("row").filter({ hasText: step }).filter({ hasText: "ActivityCompleted" }).waitFor();
    }
    await assertAccessible(admin, "workflow-detail");
    await screenshot(admin, "journey5-workflow-detail");
    assertNoPageErrors(admin);
  });
});

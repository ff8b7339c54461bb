// Sign-in: a session token locally, Google in production; a revoked session returns to sign-in and says so.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOk, createStaff, googleIdToken, uniqueEmail } from "../support/api.mjs";
import { fakeGoogleIdentityServices, launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { localStorageKeys, tokenInPage } from "../support/session.mjs";
import { assertNoPageErrors, nextCallReturnsToSignIn, signInWithToken } from "../support/ui.mjs";

describe("Sign-in", () => {
  let browser;
  before(async () => (browser = await launchBrowser()));
  after(async () => browser?.close());

  it("signs in with a bootstrap-admin session token and opens the first screen", async () => {
    const page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    assert.equal(new URL(page.url()).pathname, "/dashboard");
    await page.getByRole("link", { name: /super-admin/ }).waitFor();
    assert.equal(await tokenInPage(page), env.adminToken);
    assert.deepEqual(await localStorageKeys(page), [], "the session must not be in localStorage");
    assertNoPageErrors(page);
  });

  it("refuses a wrong token with the API's problem and stays on sign-in", async () => {
    const page = await newPage(browser);
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: "Session token" }).fill("pms_not.a.realtokenrealtokenrealtokenrealtokenrealtoken");
    await page.getByRole("button", { name: "Sign in with token" }).click();
    const alert = page.getByRole("region", { name: "Sign in with a session token" }).getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /401/);
    assert.equal(new URL(page.url()).pathname, "/sign-in");
  });

  it("signs in with Google (Identity Services faked, the ID token really validated by the app)", async () => {
    const email = uniqueEmail("auditor");
    await createStaff(env.adminToken, { email, displayName: "Avery Auditor", roles: ["auditor"] });
    const page = await newPage(browser);
    await fakeGoogleIdentityServices(page, await googleIdToken(email));
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();
    await page.getByRole("link", { name: /Avery Auditor/ }).waitFor();
    // An auditor sees the audit log, not staff management or secrets.
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.equal(await nav.getByRole("link", { name: "Audit log" }).count(), 1);
    assert.equal(await nav.getByRole("link", { name: "Secrets" }).count(), 0);
    assertNoPageErrors(page);
  });

  it("returns to sign-in with 'Your session was revoked' when an administrator revokes it", async () => {
    const email = uniqueEmail("revoked");
    const member = await createStaff(env.adminToken, { email, displayName: "Riley Revoked", roles: ["auditor"] });
    const page = await newPage(browser);
    await fakeGoogleIdentityServices(page, await googleIdToken(email));
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await page.getByRole("navigation", { name: "Main" }).waitFor();

    await apiOk(`/api/staff/${member.id}/sessions/revoke`, { token: env.adminToken, method: "POST", body: { reason: "Lost laptop" } });
    await nextCallReturnsToSignIn(page);

    await page.getByText("Your session was revoked. Sign in again to continue.").waitFor();
    assert.equal(await tokenInPage(page), null);
  });
});

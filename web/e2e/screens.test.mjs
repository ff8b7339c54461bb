// Every main screen, opened by its URL (so the app's route fallback serves it): no serious or critical axe
// violations, no uncaught errors, a screenshot in .run/screenshots, and a clear notice where the API is pending.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createStaff, uniqueEmail } from "./support/api.mjs";
import { fakeGoogleIdentityServices, launchBrowser, newPage } from "./support/browser.mjs";
import { env } from "./support/env.mjs";
import { mainScreens } from "./support/screens.mjs";
import { assertAccessible, assertNoPageErrors, errorAlerts, notServedNotice, screenshot, settled, signInWithToken } from "./support/ui.mjs";

describe("Main screens", () => {
  let browser;
  let page;
  const ids = {};

  before(async () => {
    browser = await launchBrowser();
    const staff = await createStaff(env.adminToken, { email: uniqueEmail("morgan"), displayName: "Morgan Screens", roles: ["support-agent", "finance"] });
    ids.staff = staff.id;
  });
  after(async () => browser?.close());

  it("sign-in: accessible, screenshot", async () => {
    page = await newPage(browser);
    await fakeGoogleIdentityServices(page, "not-used");
    await page.goto("/sign-in");
    await settled(page, "Sign in to PenguinMails Admin");
    await assertAccessible(page, "sign-in");
    await screenshot(page, "sign-in");
    await signInWithToken(page, env.adminToken);
  });

  for (const screen of mainScreens) {
    it(`${screen.name}: accessible, screenshot${screen.pending ? `, says its API (${screen.pending}) is not on this server yet` : ""}`, async () => {
      await page.goto(typeof screen.path === "function" ? screen.path(ids) : screen.path);
      await settled(page, screen.heading);
      if (screen.pending) {
        await notServedNotice(page).first().waitFor();
      } else {
        assert.equal(await notServedNotice(page).count(), 0, "a screen whose API is served says it is not");
      }
      assert.equal(await errorAlerts(page).count(), 0, (await errorAlerts(page).allInnerTexts()).join("\n"));
      await assertAccessible(page, screen.name);
      await screenshot(page, screen.name);
      assertNoPageErrors(page);
    });
  }
});

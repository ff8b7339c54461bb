// Journey 3, secrets: create, reveal with a reason (shown once, then hidden), rotate, delete, recover.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { assertAccessible, confirmWithReason, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

describe("Journey 3: secrets", () => {
  let browser;
  let page;
  const name = `e2e-${randomBytes(4).toString("hex")}`;
  const value = `first-${randomBytes(8).toString("hex")}`;
  const row = () => page.getByRole("table", { name: "Secrets (metadata only)" }).getByRole("row").filter({ hasText: name });

  before(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, env.adminToken);
    await page.goto("/admin/secrets");
    await settled(page, "Secrets");
  });
  after(async () => browser?.close());

  it("creates a secret, listed with its metadata only", async () => {
    await page.getByRole("button", { name: "New secret" }).click();
    const dialog = page.getByRole("dialog", { name: "New secret" });
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("textbox", { name: "Value" }).fill(value);
    await assertAccessible(page, "secrets-create");
    await dialog.getByRole("button", { name: "Create secret" }).click();
    await toast(page, "Secret created.");
    await row().waitFor();
    assert.ok(!(await page.locator("main").innerText()).includes(value), "the list shows a value");
  });

  it("reveals the value once with an audited reason, then hides it", async () => {
    await page.getByRole("button", { name: `Reveal ${name}` }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByLabel("Why do you need the value? (audited)").fill("Browser test: checking the reveal flow");
    await confirm.getByRole("button", { name: "Reveal value", exact: true }).click();
    const shown = page.getByRole("dialog", { name: `Value of ${name}` });
    await shown.waitFor();
    assert.equal((await shown.getByLabel("Secret value").innerText()).trim(), value);
    await assertAccessible(page, "secrets-reveal");
    await screenshot(page, "journey-secrets-revealed", { fullPage: false });
    await shown.getByRole("button", { name: "Hide value" }).click();
    await shown.waitFor({ state: "hidden" });
    assert.equal(await page.getByText(value).count(), 0, "the value is still on the page");
  });

  it("rotates it: a new version is current", async () => {
    await page.getByRole("button", { name: `Rotate ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Rotate ${name}` });
    await dialog.getByRole("textbox", { name: "New value" }).fill(`second-${randomBytes(8).toString("hex")}`);
    await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
    await toast(page, `${name} rotated`);
    await page.getByRole("button", { name: `Versions of ${name}` }).click();
    const versions = page.getByRole("dialog", { name: `Versions of ${name}` });
    await versions.getByRole("table").locator("tbody tr").nth(1).waitFor();
    assert.equal(await versions.getByRole("table").locator("tbody tr").count(), 2);
    await versions.getByRole("button", { name: "Close" }).click();
    await versions.waitFor({ state: "hidden" });
  });

  it("deletes it with a reason, then recovers it", async () => {
    await page.getByRole("button", { name: `Delete ${name}` }).click();
    await confirmWithReason(page, "Delete secret", "Browser test: delete and recover");
    await toast(page, `${name} deleted`);
    await row().waitFor({ state: "detached" });
    await screenshot(page, "journey-secrets-deleted");

    await page.getByRole("list", { name: "Deleted in this session" }).getByRole("button", { name: "Recover" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Recover secret", exact: true }).click();
    await toast(page, `${name} recovered`);
    await row().waitFor();
    await screenshot(page, "journey-secrets-recovered");
  });
});

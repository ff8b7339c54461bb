// Steps a staff member takes in the SPA, and the checks every screen gets (axe, screenshots).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { env } from "./env.mjs";

/** Signs in on /sign-in with a session token, as after `./dev.sh bootstrap-admin`. */
export async function signInWithToken(page, token) {
  await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Session token" }).fill(token);
  await page.getByRole("button", { name: "Sign in with token" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.getByRole("navigation", { name: "Main" }).waitFor();
}

/**
 * After the session was ended elsewhere: moves to "My account" inside the SPA (no reload) and waits for the sign-in
 * page. A background refresh of the current screen may already have met the 401 and left, so the move goes through
 * the history API rather than a click on a link that may be gone by then.
 */
export async function nextCallReturnsToSignIn(page) {
  await page.evaluate(() => {
    if (location.pathname === "/sign-in") return;
    history.pushState({}, "", "/account");
    dispatchEvent(new PopStateEvent("popstate", { state: history.state }));
  });
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** Waits until the screen has settled: its heading shown, no request in flight, no spinner left. */
export async function settled(page, heading) {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.waitForLoadState("networkidle");
  await page.locator(".loading").first().waitFor({ state: "detached" }).catch(() => undefined);
}

/** Fills the reason in the open confirmation dialog and confirms with `button`; waits for the dialog to close. */
export async function confirmWithReason(page, button, reason) {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

/** Waits for a toast (role=status) containing `text`. */
export async function toast(page, text) {
  await page.locator(".toast").filter({ hasText: text }).first().waitFor();
}

/**
 * Runs axe-core (WCAG 2.1 A and AA) and fails on serious or critical violations, listing them. `exclude` lists
 * selectors left out, e.g. a sandboxed iframe (no scripts may run in it, so axe cannot look inside and would wait).
 */
export async function assertAccessible(page, name, { exclude = [] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  assert.deepEqual(report, [], `axe found serious or critical violations on ${name}`);
}

/**
 * Saves a screenshot as <screenshots>/<name>.png (git-ignored): the full page, or only the viewport
 * (`{ fullPage: false }`) for an open dialog, whose backdrop covers the viewport only.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(env.screenshots, { recursive: true });
  // Notices from earlier steps would hide the page under them. (Injecting a stylesheet instead would trip the CSP.)
  await page.evaluate(() => document.querySelectorAll(".toast-close").forEach((button) => button.click()));
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage });
}

/** The calm notice a screen shows while its API is not served by this back end yet. */
export function notServedNotice(page) {
  return page.getByRole("status").filter({ hasText: "Not available on this server yet" });
}

/** Error notices (the API's problems) currently shown. */
export function errorAlerts(page) {
  return page.locator(".alert-error");
}

/** The screen rendered without uncaught errors. */
export function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], "uncaught errors in the page");
}

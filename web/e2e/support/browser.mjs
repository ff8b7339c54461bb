// Headless Debian Chromium driven by playwright-core: nothing downloads a browser, and nothing leaves 127.0.0.1.
import { chromium } from "playwright-core";
import { env } from "./env.mjs";

export const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** One browser per test file: call from before(), close from after(). */
export function launchBrowser() {
  return chromium.launch({ executablePath: env.chromium, args: chromiumArgs, headless: true });
}

/**
 * A page in a fresh context (its own sessionStorage, so its own signed-in staff member). Requests leaving the
 * machine are refused, and uncaught page errors are collected in `page.errors` for the tests to check.
 */
export async function newPage(browser) {
  const context = await browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1280, height: 860 }, locale: "en-GB", timezoneId: "UTC" });
  // Generous: the machine running the tests may be busy; a real hang still fails.
  context.setDefaultTimeout(30_000);
  await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort("blockedbyclient"));
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  // The app's Content-Security-Policy must not block anything the SPA itself needs.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/.test(message.text())) page.errors.push(message.text());
  });
  return page;
}

/**
 * Serves a stand-in for Google Identity Services (https://accounts.google.com/gsi/client) whose button hands the
 * SPA `idToken`, as the real one does after the Google account chooser.
 */
export async function fakeGoogleIdentityServices(page, idToken) {
  const script = `window.google = { accounts: { id: {
    initialize(config) { this.callback = config.callback; },
    renderButton(parent) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn";
      button.textContent = "Sign in with Google";
      button.onclick = () => this.callback({ credential: ${JSON.stringify(idToken)} });
      parent.append(button);
    },
    disableAutoSelect() {},
  } } };`;
  await page.route("https://accounts.google.com/gsi/client", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: script }));
}

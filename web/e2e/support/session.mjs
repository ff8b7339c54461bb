// Reading the SPA's own session (sessionStorage) from a test.
export const sessionKey = "penguinmails.admin.session";

/** The session token the SPA holds in this page, as the API sees it in Authorization headers. */
export async function tokenInPage(page) {
  const raw = await page.evaluate((key) => sessionStorage.getItem(key), sessionKey);
  return raw ? JSON.parse(raw).token : null;
}

/** localStorage must never hold the session. */
export async function localStorageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage));
}

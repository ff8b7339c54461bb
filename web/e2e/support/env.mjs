// What scripts/test-web.sh tells the browser tests: where the app and the fake Google issuer run, and the admin token.
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set. Run the browser tests with scripts/test-web.sh (see web/README.md).`);
  return value;
}

export const env = {
  baseUrl: required("E2E_BASE_URL").replace(/\/+$/, ""),
  adminToken: required("E2E_ADMIN_TOKEN"),
  googleUrl: required("E2E_GOOGLE_URL").replace(/\/+$/, ""),
  screenshots: process.env.E2E_SCREENSHOTS ?? new URL("../../../.run/screenshots/", import.meta.url).pathname,
  chromium: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  hostedDomain: process.env.E2E_HOSTED_DOMAIN ?? "penguinmails.test",
};

// What scripts/test-web.sh tells the browser tests: where the app, the fake Google issuer and the fake Stripe API run,
// the admin token and the Stripe webhook secret.
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
  /** The fake Stripe API the app is configured with, and the webhook signing secret it checks (Journey 6). */
  stripeUrl: (process.env.E2E_STRIPE_URL ?? "").replace(/\/+$/, ""),
  stripeWebhookSecret: process.env.E2E_STRIPE_WEBHOOK_SECRET ?? "",
};

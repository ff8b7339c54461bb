// Stripe for the browser tests: objects put into the fake Stripe API (fake-stripe.mjs) in Stripe's wire format, and
// webhook events signed as Stripe signs them (Stripe-Signature: t=<unix>,v1=HMAC-SHA256(secret, `${t}.${body}`)).
import { createHmac, randomBytes } from "node:crypto";
import { env } from "./env.mjs";

function stripeUrl() {
  if (!env.stripeUrl || !env.stripeWebhookSecret) {
    throw new Error("E2E_STRIPE_URL and E2E_STRIPE_WEBHOOK_SECRET are not set. Run the browser tests with scripts/test-web.sh.");
  }
  return env.stripeUrl;
}

const unix = (date) => Math.floor(date.getTime() / 1000);
const daysAgo = (days, minutes = 0) => new Date(Date.now() - days * 86_400_000 + minutes * 60_000);
export const stripeId = (prefix) => `${prefix}_e2e${randomBytes(6).toString("hex")}`;

/** Puts (or replaces) an object in the fake Stripe API. */
export async function putStripe(collection, object) {
  const response = await fetch(`${stripeUrl()}/_test/${collection}`, { method: "POST", body: JSON.stringify(object) });
  if (!response.ok) throw new Error(`fake Stripe refused ${collection} ${object.id}: ${response.status} ${await response.text()}`);
  return object;
}

export const stripeObjects = {
  subscription: (id, customer, { status = "active", pauseBehavior = null } = {}) => ({
    id, object: "subscription", customer, status, cancel_at_period_end: false, created: unix(daysAgo(30)), livemode: false,
    pause_collection: pauseBehavior ? { behavior: pauseBehavior, resumes_at: null } : null,
    items: { object: "list", data: [], has_more: false, url: "/v1/subscription_items" },
  }),
  invoice: (id, customer, amount, { paidDaysAgo = 2, number = `PM-${id.slice(-4).toUpperCase()}`, subscription = null } = {}) => ({
    id, object: "invoice", customer, number, status: "paid", total: amount, amount_due: amount, amount_paid: amount, currency: "usd",
    created: unix(daysAgo(paidDaysAgo, -1)), livemode: false, hosted_invoice_url: `https://invoice.stripe.test/${id}`,
    status_transitions: { paid_at: unix(daysAgo(paidDaysAgo)) },
    parent: subscription ? { type: "subscription_details", subscription_details: { subscription } } : null,
  }),
  charge: (id, customer, amount, { createdDaysAgo = 2, minutesLater = 0, refunded = 0 } = {}) => ({
    id, object: "charge", customer, amount, amount_refunded: refunded, currency: "usd", status: "succeeded", paid: true,
    refunded: refunded >= amount, disputed: false, created: unix(daysAgo(createdDaysAgo, minutesLater)), payment_intent: null, livemode: false,
  }),
  invoicePayment: (id, invoice, charge) => ({
    id, object: "invoice_payment", invoice, status: "paid", amount_requested: 0, created: unix(daysAgo(2)), livemode: false, is_default: true,
    payment: { type: "charge", charge },
  }),
};

/** The API version the app's Stripe.net speaks (seen by the fake): Stripe sends events in the version the account pins. */
async function apiVersion() {
  const { apiVersion: version } = await (await fetch(`${stripeUrl()}/_test/api-version`)).json();
  if (!version) throw new Error("the app has not called the fake Stripe API yet, so its API version is unknown");
  return version;
}

/** Posts a signed Stripe event to the app's webhook; answers the app's receipt ({received, eventId, ...}). */
export async function sendSignedWebhook(type, object, { expectProcessed = true } = {}) {
  stripeUrl();
  const body = JSON.stringify({
    id: stripeId("evt"), object: "event", api_version: await apiVersion(), created: unix(new Date()), livemode: false, pending_webhooks: 1,
    type, data: { object },
  });
  const timestamp = unix(new Date());
  const signature = createHmac("sha256", env.stripeWebhookSecret).update(`${timestamp}.${body}`).digest("hex");
  const response = await fetch(`${env.baseUrl}/api/webhooks/stripe`, {
    method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": `t=${timestamp},v1=${signature}` }, body,
  });
  const receipt = await response.json();
  if (response.status !== 200 || (expectProcessed && receipt.processed === false)) throw new Error(`webhook ${type}: ${response.status} ${JSON.stringify(receipt)}`);
  return receipt;
}

// Journey 6, finance, through the UI against the app on Azurite and the fake Stripe API (support/fake-stripe.mjs):
// a tenant's billing with its "View in Stripe" link, its transactions, a reconciliation mismatch that a force sync
// fixes, a legal dispute whose pause in Stripe (a signed webhook) makes the tenant Paused, and a refund request whose
// ticket is closed by Stripe's signed charge.refunded, the workflow's status shown live.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { api, apiOk } from "../support/api.mjs";
import { launchBrowser, newPage } from "../support/browser.mjs";
import { env } from "../support/env.mjs";
import { putStripe, sendSignedWebhook, stripeId, stripeObjects } from "../support/stripe.mjs";
import { assertAccessible, confirmWithReason, screenshot, settled, signInWithToken, toast } from "../support/ui.mjs";

const token = env.adminToken;
const amount = 4900;

/** Polls `check` (an async predicate) until it holds: background work (queues, workflows) takes a moment. */
async function eventually(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** A tenant onboarded through the Tenants API and linked to a Stripe customer, as finance would find it. */
async function onboardTenant(customerId) {
  const suffix = randomBytes(4).toString("hex");
  const tenant = await apiOk("/api/tenants", {
    token, method: "POST", body: { name: `Acme ${suffix}`, primaryDomain: `acme-${suffix}.test`, plan: "business", ownerEmail: `owner@acme-${suffix}.test` },
  }, 201);
  await apiOk(`/api/tenants/${tenant.id}/approve`, { token, method: "POST", body: { reason: "Browser test: verified" } });
  await apiOk(`/api/tenants/${tenant.id}/billing`, {
    token, method: "PUT", body: { stripeCustomerId: customerId, billingEmail: `billing@acme-${suffix}.test`, taxId: null, currency: "usd" },
  });
  return tenant.id;
}

describe("Journey 6: finance", () => {
  let browser;
  let page;
  let tenantId;
  const customerId = stripeId("cus");
  const subscription = stripeObjects.subscription(stripeId("sub"), customerId);
  const invoice = stripeObjects.invoice(stripeId("in"), customerId, amount, { subscription: subscription.id });
  const original = stripeObjects.charge(stripeId("ch"), customerId, amount);
  const duplicate = stripeObjects.charge(stripeId("ch"), customerId, amount, { minutesLater: 4 });
  const oneOff = stripeObjects.charge(stripeId("ch"), customerId, 1500, { createdDaysAgo: 20 });

  const showBilling = async () => {
    await page.goto("/dashboard/finance?tab=billing");
    await settled(page, "Finance");
    await page.getByRole("search", { name: "Choose a tenant" }).getByLabel("Tenant").selectOption(tenantId);
    await page.getByRole("button", { name: "Show billing" }).click();
    await page.getByRole("table", { name: "Invoices" }).waitFor();
  };

  before(async () => {
    for (const [collection, object] of [["subscriptions", subscription], ["invoices", invoice], ["charges", original], ["charges", duplicate],
      ["charges", oneOff], ["invoice_payments", stripeObjects.invoicePayment(stripeId("inpay"), invoice.id, original.id)]]) {
      await putStripe(collection, object);
    }
    tenantId = await onboardTenant(customerId);
    browser = await launchBrowser();
    page = await newPage(browser);
    await signInWithToken(page, token);
  });
  after(async () => browser?.close());

  it("shows the tenant's billing from Stripe with working View in Stripe links", async () => {
    await showBilling();
    const billing = page.getByRole("region", { name: "Billing" });
    const customerLink = billing.getByRole("link", { name: /View in Stripe/ }).first();
    assert.equal(await customerLink.getAttribute("href"), `https://dashboard.stripe.com/test/customers/${customerId}`);
    assert.equal(await customerLink.getAttribute("target"), "_blank");
    assert.equal(await billing.getByRole("link", { name: /View in Stripe/ }).nth(1).getAttribute("href"),
      `https://dashboard.stripe.com/test/subscriptions/${subscription.id}`);
    const invoices = page.getByRole("table", { name: "Invoices" });
    await invoices.getByRole("row", { name: new RegExp(invoice.number) }).waitFor();
    assert.equal(await invoices.getByRole("link", { name: /View in Stripe/ }).first().getAttribute("href"),
      `https://dashboard.stripe.com/test/invoices/${invoice.id}`);
    await assertAccessible(page, "finance-billing");
    await screenshot(page, "journey-finance-billing");
  });

  it("finds the tenant's transactions, mirrored from Stripe's signed webhooks", async () => {
    await sendSignedWebhook("invoice.paid", invoice);
    for (const charge of [original, duplicate, oneOff]) await sendSignedWebhook("charge.succeeded", charge);
    await eventually(async () => (await api(`/api/finance/transactions?tenantId=${tenantId}`, { token })).body?.items?.length === 4,
      "the four transactions in the mirror");

    await page.getByRole("tab", { name: "Transactions" }).click();
    await page.getByRole("search", { name: "Search transactions" }).getByLabel("Tenant").selectOption(tenantId);
    await page.getByRole("button", { name: "Search" }).click();
    const table = page.getByRole("table", { name: "Transactions" });
    for (const id of [invoice.id, original.id, duplicate.id, oneOff.id]) await table.getByRole("row", { name: new RegExp(id) }).waitFor();
    await screenshot(page, "journey-finance-transactions");
  });

  it("reconciles: a refund made in Stripe alone is a mismatch, and a force sync fixes it", async () => {
    await putStripe("charges", { ...oneOff, amount_refunded: 1500, refunded: true });
    await showBilling();
    await page.getByRole("button", { name: "Reconcile with Stripe" }).click();
    const reconciliation = page.getByRole("region", { name: "Reconciliation" });
    await reconciliation.getByText("1 mismatched").waitFor();
    const mismatched = reconciliation.getByRole("table", { name: "Mismatched" });
    await mismatched.getByRole("row", { name: new RegExp(`${oneOff.id}.*amountRefunded`) }).waitFor();
    await screenshot(page, "journey-finance-reconcile-mismatch");

    await page.getByRole("button", { name: "Force sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sync now", exact: true }).click();
    await toast(page, "Synced from Stripe");
    await page.getByRole("button", { name: "Reconcile with Stripe" }).click();
    await reconciliation.getByText("Local records agree with Stripe.").waitFor();
    assert.ok((await reconciliation.getByRole("status").innerText()).includes("0 mismatched"));
  });

  it("opens a legal dispute as a ticket; finance pauses the subscription in Stripe and the tenant shows Paused", async () => {
    await page.getByRole("button", { name: "Open dispute" }).click();
    await confirmWithReason(page, "Open dispute", "Browser test: legal dispute over the October invoice");
    await toast(page, "Billing dispute opened");
    await page.getByRole("region", { name: "Disputes opened" }).getByRole("link", { name: /Billing Dispute/ }).click();
    await settled(page, /Billing Dispute/);
    await page.getByText("Browser test: legal dispute over the October invoice").waitFor();
    assert.ok(page.url().includes("/dashboard/finance/tickets/"));
    await screenshot(page, "journey-finance-dispute-ticket");

    const paused = await putStripe("subscriptions", { ...subscription, pause_collection: { behavior: "keep_as_draft", resumes_at: null } });
    await sendSignedWebhook("customer.subscription.updated", paused);
    await eventually(async () => (await api(`/api/tenants/${tenantId}`, { token })).body?.status === "paused", "the tenant to be paused");
    await page.goto(`/dashboard/tenants/${tenantId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator(".badge", { hasText: /^paused$/ }).first().waitFor();
    await screenshot(page, "journey-finance-tenant-paused");
  });

  it("runs a refund request: ticket, Stripe's signed charge.refunded, the workflow completes live on screen", async () => {
    await showBilling();
    await page.getByRole("button", { name: `Request a refund of ${invoice.number}` }).click();
    await confirmWithReason(page, "Request refund", "Browser test: the customer was charged twice");
    await toast(page, "Refund requested");
    const progress = page.getByRole("region", { name: `Refund of ${invoice.id}: progress` });
    await progress.locator(".badge", { hasText: "Waiting" }).waitFor({ timeout: 60_000 });
    const workflowId = decodeURIComponent((await progress.getByRole("link", { name: /Open workflow/ }).getAttribute("href")).split("/").pop());
    const tickets = await apiOk("/api/tickets?queue=finance&pageSize=500", { token });
    const ticket = tickets.items.find((t) => t.workflowId === workflowId);
    assert.equal(ticket?.type, "Refund Request");
    assert.equal(ticket.invoiceId, invoice.id);
    await screenshot(page, "journey-finance-refund-waiting");

    await putStripe("charges", { ...duplicate, amount_refunded: amount, refunded: true });
    await sendSignedWebhook("charge.refunded", { ...duplicate, amount_refunded: amount, refunded: true });
    await progress.locator(".badge", { hasText: "Completed" }).waitFor({ timeout: 60_000 });
    await progress.getByText("Notify customer").waitFor();
    await screenshot(page, "journey-finance-refund-completed");

    await progress.getByRole("link", { name: /Open workflow/ }).click();
    await settled(page, "refund-request");
    await page.getByRole("table", { name: "Workflow history" }).getByRole("row", { name: /NotifyCustomer/ }).first().waitFor();
    await page.goto(`/dashboard/finance/tickets/${encodeURIComponent(ticket.id)}`);
    await settled(page, /Refund Request/);
    await page.locator(".badge", { hasText: /^resolved$/ }).first().waitFor();
    await page.getByText(/Customer notification is due for support/).waitFor();
    await assertAccessible(page, "finance-refund-ticket");
  });

  it("lists a Stripe event it did not process under Stripe events, with the reason, so nothing ends silently", async () => {
    const receipt = await sendSignedWebhook("customer.created", { id: customerId, object: "customer" }, { expectProcessed: false });
    await page.goto("/dashboard/finance?tab=events");
    await settled(page, "Finance");
    await page.getByLabel("Show").selectOption("not-processed");
    const row = page.getByRole("table", { name: "Stripe webhook events" }).getByRole("row").filter({ hasText: receipt.eventId });
    await row.waitFor();
    assert.match(await row.innerText(), /customer\.created[\s\S]*event_type_not_handled/);
    await assertAccessible(page, "finance-stripe-events");
    await screenshot(page, "journey-finance-stripe-events");
  });
});

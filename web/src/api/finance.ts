import { api, body, ifMatch, versioned } from "./client";
import type { Ticket } from "./types";

export function getTenantBilling(tenantId: string, signal?: AbortSignal) {
  return body(api.GET("/api/finance/tenants/{tenantId}/billing", { params: { path: { tenantId } }, signal }));
}

export function listTransactions(tenantId: string, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/finance/transactions", { params: { query: { tenantId, cursor } }, signal }));
}

export function reconcileTenant(tenantId: string) {
  return body(api.GET("/api/finance/tenants/{tenantId}/reconcile", { params: { path: { tenantId } } }));
}

export function syncTenant(tenantId: string, reason: string) {
  return body(api.POST("/api/finance/tenants/{tenantId}/sync", { params: { path: { tenantId } }, body: reason ? { reason } : {} }));
}

export function openDispute(tenantId: string, reason: string) {
  return body(api.POST("/api/finance/disputes", { body: { tenantId, reason } }));
}

export function requestRefund(tenantId: string, invoiceId: string, reason: string) {
  return body(api.POST("/api/finance/refunds", { body: { tenantId, invoiceId, reason } }));
}

export function listTickets(filters: { queue?: string; status?: string }, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/tickets", { params: { query: { ...filters, cursor } }, signal }));
}

export function getTicket(id: string, signal?: AbortSignal) {
  return versioned(api.GET("/api/tickets/{id}", { params: { path: { id } }, signal }));
}

export function updateTicket(id: string, changes: { status?: string; assignee?: string | null; comment?: string; reason?: string }, etag: string | null) {
  return versioned(api.PATCH("/api/tickets/{id}", { params: { path: { id }, header: ifMatch(etag) }, body: changes }));
}


/** Workflow type names the refund and dispute workflows are listed under (GET /api/workflows?type=). */
export const refundWorkflowType = "refund-request";
export const disputeWorkflowType = "billing-dispute";
export type TicketStatus = Ticket["status"];
export const ticketStatuses = ["open", "in-progress", "waiting", "resolved", "closed"] as const satisfies readonly TicketStatus[];

export type WebhookEventStatus = "failed" | "received" | "not-processed";

/** Stripe events on the record by status: failed ones (the default) are what finance replays. */
export function listWebhookEvents(status: WebhookEventStatus, cursor: string | undefined, signal: AbortSignal) {
  return body(api.GET("/api/finance/webhook-events", { params: { query: { status, cursor } }, signal }));
}

/** Queues a recorded Stripe event to run again (202); the reason is audited. */
export function replayWebhookEvent(id: string, reason: string) {
  return body(api.POST("/api/finance/webhook-events/{id}/replay", { params: { path: { id } }, body: { reason } }));
}

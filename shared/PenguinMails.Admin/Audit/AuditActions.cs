namespace PenguinMails.Admin.Audit;

/// <summary>
/// Every audit action name, in one place. Features write these and reports match on them (the access-change ledger,
/// sign-in monitoring), so a rename here is a change to the audit log's vocabulary: existing events keep the old name.
/// </summary>
public static class AuditActions
{
    // Staff and sign-in.
    public const string SignIn = "auth.sign-in";
    public const string StaffBootstrap = "staff.bootstrap";
    public const string StaffCreate = "staff.create";
    public const string StaffRolesSet = "staff.roles.set";
    public const string StaffSessionsRevoke = "staff.sessions.revoke";
    public const string StaffSuspend = "staff.suspend";
    public const string StaffReactivate = "staff.reactivate";
    public const string StaffOffboard = "staff.offboard";
    public const string StaffAccessReview = "staff.access-review";

    // Platform users.
    public const string UsersCreate = "users.create";
    public const string UsersUpdate = "users.update";
    public const string UsersBan = "users.ban";
    public const string UsersUnban = "users.unban";
    public const string UsersSessionsRevoke = "users.sessions.revoke";
    public const string UsersBulk = "users.bulk";
    public const string UsersExport = "users.export";
    public const string UsersImport = "users.import";

    // Tenants.
    public const string TenantsCreate = "tenants.create";
    public const string TenantsUpdate = "tenants.update";
    public const string TenantsApprove = "tenants.approve";
    public const string TenantsReject = "tenants.reject";
    public const string TenantsStatusBilling = "tenants.status.billing";
    public const string TenantsSettingsUpdate = "tenants.settings.update";
    public const string TenantsBillingUpdate = "tenants.billing.update";
    public const string TenantsCommunicationPreferencesUpdate = "tenants.communication-preferences.update";

    // Feature flags and settings.
    public const string FlagsCreate = "flags.create";
    public const string FlagsUpdate = "flags.update";
    public const string FlagsDelete = "flags.delete";
    public const string SettingsUpdate = "settings.update";
    public const string SettingsRollback = "settings.rollback";

    // Secrets and data protection.
    public const string SecretsCreate = "secrets.create";
    public const string SecretsRotate = "secrets.rotate";
    public const string SecretsUpdate = "secrets.update";
    public const string SecretsDelete = "secrets.delete";
    public const string SecretsRecover = "secrets.recover";
    public const string SecretsReveal = "secrets.reveal";
    public const string SecretsPurge = "secrets.purge";
    public const string DataRetentionRun = "dataprotection.retention.run";

    // Audit, alerts and compliance.
    public const string AuditExport = "audit.export";
    public const string SecurityAlert = "security.alert";
    public const string ReportsGenerate = "reports.generate";
    public const string ReportsReviewDecide = "reports.review.decide";
    public const string ReportsReviewClose = "reports.review.close";

    // Billing and tickets.
    public const string FinanceSync = "finance.sync";
    public const string FinanceDisputeOpen = "finance.dispute.open";
    public const string FinanceDisputeUpdate = "finance.dispute.update";
    public const string FinanceRefundRequest = "finance.refund.request";
    public const string FinanceRefundReject = "finance.refund.reject";
    public const string FinanceRefundFailed = "finance.refund.failed";
    public const string FinanceWebhookEventReplay = "finance.webhook-event.replay";
    public const string TicketCreate = "ticket.create";
    public const string TicketUpdate = "ticket.update";

    // Workflows.
    public const string WorkflowStart = "workflow.start";
    public const string WorkflowEventRaise = "workflow.event.raise";
    public const string WorkflowTerminate = "workflow.terminate";
    public const string WorkflowFailed = "workflow.failed";
    public const string WorkflowPurge = "workflow.purge";

    /// <summary>The per-user event of a bulk action, for example <c>users.bulk.ban</c>.</summary>
    public static string UsersBulkItem(string action) => $"{UsersBulk}.{action}";
}

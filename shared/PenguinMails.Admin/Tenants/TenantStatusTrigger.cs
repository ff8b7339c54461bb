namespace PenguinMails.Admin.Tenants;

/// <summary>What asks for a status change: the same target status is allowed from some triggers and not others.</summary>
public enum TenantStatusTrigger
{
    /// <summary>POST /tenants/{id}/approve.</summary>
    Approve,

    /// <summary>POST /tenants/{id}/reject.</summary>
    Reject,

    /// <summary>A staff member setting the status with PATCH /tenants/{id}.</summary>
    Staff,

    /// <summary>The billing system (Stripe subscription paused, resumed or deleted).</summary>
    Billing,
}

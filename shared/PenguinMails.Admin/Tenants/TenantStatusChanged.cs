namespace PenguinMails.Admin.Tenants;

/// <summary>The data of the <c>TenantStatusChanged</c> integration event.</summary>
public sealed record TenantStatusChanged(string TenantId, string From, string To, string Trigger, string? Reason, string ActorId)
{
    public const string EventType = "TenantStatusChanged";
}

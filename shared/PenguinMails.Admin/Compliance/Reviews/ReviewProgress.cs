namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>Where an access review stands.</summary>
public sealed record ReviewProgress(bool Closed, int People, int Decided, int Kept, int Removed, DateTimeOffset? ClosedAt, string? ClosedBy)
{
    public int Pending => People - Decided;
}

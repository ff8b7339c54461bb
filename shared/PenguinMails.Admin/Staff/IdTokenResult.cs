namespace PenguinMails.Admin.Staff;

public sealed record IdTokenResult(string? Email, string? FailureReason)
{
    public bool Succeeded => Email is not null;

    public static IdTokenResult Success(string email) => new(email, null);

    public static IdTokenResult Failure(string reason) => new(null, reason);
}

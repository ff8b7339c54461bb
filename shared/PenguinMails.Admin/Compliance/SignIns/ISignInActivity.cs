using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>Sign-in attempts, read from the audit log's indexes without scanning the whole log.</summary>
public interface ISignInActivity
{
    /// <summary>Attempts matching the query, newest first.</summary>
    Task<Page<SignInAttempt>> QueryAsync(SignInQuery query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Where <paramref name="staffId"/> signed in successfully from, in [<paramref name="from"/>, <paramref name="before"/>).</summary>
    Task<KnownOrigins> KnownOriginsAsync(string staffId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken = default);
}

namespace PenguinMails.Admin.Users;

/// <summary>One user's change for a batched write: the state read (at <paramref name="ETag"/>) and the state to write.</summary>
public sealed record UserChange(PlatformUser Before, PlatformUser After, string ETag);

/// <summary>How one user's write went: committed, or failed (and then nothing of it was written).</summary>
public sealed record UserWriteResult(string UserId, bool Committed, string? Error);

namespace PenguinMails.Admin.Common;

/// <summary>A value with the ETag it was read at, for optimistic concurrency.</summary>
public sealed record Versioned<T>(T Value, string ETag);

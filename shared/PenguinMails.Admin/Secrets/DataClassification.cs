namespace PenguinMails.Admin.Secrets;

/// <summary>The data classes a secret's <c>classification</c> tag may hold, least to most sensitive.</summary>
public static class DataClassification
{
    public const string TagName = "classification";
    public const string Public = "public";
    public const string Internal = "internal";
    public const string Confidential = "confidential";
    public const string Restricted = "restricted";

    /// <summary>A secret is sensitive by nature, so an unclassified one is treated as confidential.</summary>
    public const string Default = Confidential;

    public static IReadOnlyList<string> All { get; } = [Public, Internal, Confidential, Restricted];

    public static bool IsValid(string? value) => value is not null && All.Contains(value);
}

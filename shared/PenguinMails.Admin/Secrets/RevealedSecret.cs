namespace PenguinMails.Admin.Secrets;

/// <summary>A secret's value at one version, on its way to the one caller who asked for it.</summary>
public sealed record RevealedSecret(string Name, string Version, string Value)
{
    /// <summary>Never prints the value, so a logged or formatted result can't leak it.</summary>
    public override string ToString() => $"RevealedSecret {{ Name = {Name}, Version = {Version} }}";
}

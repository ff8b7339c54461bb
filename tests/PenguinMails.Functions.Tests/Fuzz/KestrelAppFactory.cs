using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Fuzz;

/// <summary>
/// The real app on Kestrel over a loopback socket, so Kestrel's own early answers are part of what is tested.
/// It listens on a free port ("urls" set, so the app does not choose its standalone 7071).
/// </summary>
public sealed class KestrelAppFactory : AdminAppFactory
{
    public KestrelAppFactory()
        : base(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0" }) => UseKestrel(0);
}

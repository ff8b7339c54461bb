using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The app with the local secret store (the default), a low reveal limit, and every log line captured.</summary>
public sealed class LocalVaultAppFactory : AdminAppFactory
{
    public LocalVaultAppFactory()
        : base(SecretsSettings.Common())
    {
        WithServices(services => SecretsSettings.CaptureLogs(services, Logs));
    }

    public CapturingLoggerProvider Logs { get; } = new();
}

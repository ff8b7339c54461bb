using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>Settings and log capture shared by the secrets test apps.</summary>
internal static class SecretsSettings
{
    public const int RevealLimit = 5;

    public static Dictionary<string, string?> Common(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Secrets:RevealLimit"] = RevealLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    public static void CaptureLogs(IServiceCollection services, CapturingLoggerProvider logs)
    {
        services.AddSingleton<ILoggerProvider>(logs);
        services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
    }
}

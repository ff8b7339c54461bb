using PenguinMails.Functions.Http;

namespace PenguinMails.Functions.Hosting;

public static class FunctionHostExtensions
{
    /// <summary>Chooses the port, loads local.settings.json standalone, and registers the trigger machinery.</summary>
    public static WebApplicationBuilder AddFunctionHost(this WebApplicationBuilder builder)
    {
        var mode = FunctionHostMode.Detect(key => builder.Configuration[key]);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton(TimeProvider.System);
        // LocalSettings:Load=false (the tests) keeps a developer's local.settings.json out of an in-process app.
        if (!mode.UnderFunctionsHost && builder.Configuration.GetValue("LocalSettings:Load", true))
        {
            if (LocalSettingsLocator.Find(Directory.GetCurrentDirectory(), builder.Environment.ContentRootPath) is { } settings)
            {
                builder.Configuration.AddLocalSettings(settings);
            }
        }
        if (mode.UnderFunctionsHost || string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{mode.Port}");
        }
        builder.Services.AddSingleton<FunctionCatalog>();
        builder.Services.AddSingleton<TriggerDispatcher>();
        if (!mode.UnderFunctionsHost && builder.Configuration.GetValue("Triggers:RunLocally", true))
        {
            builder.Services.AddHostedService<LocalTriggerRunner>();
        }
        return builder;
    }

    /// <summary>Under the Functions host, maps POST /{FunctionName} for every timer and queue function.</summary>
    public static void MapFunctionHost(this WebApplication app)
    {
        if (app.Services.GetRequiredService<FunctionHostMode>().UnderFunctionsHost)
        {
            app.MapFunctionInvocations(app.Services.GetServices<FunctionRegistration>());
        }
        app.MapOpenApiDocument();
    }
}

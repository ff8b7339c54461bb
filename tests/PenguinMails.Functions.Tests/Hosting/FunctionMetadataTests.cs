using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

public sealed class FunctionMetadataTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public void EveryHttpEndpoint_BecomesOneAnonymousHttpFunction()
    {
        _ = factory.Server;
        var functions = factory.Services.GetRequiredService<FunctionCatalog>().Build();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToList();
        var http = functions.Where(f => f.Kind == FunctionKind.Http).ToList();
        Assert.Equal(endpoints.Count, http.Count);
        foreach (var function in http)
        {
            var trigger = function.Bindings[0]!;
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal("anonymous", (string?)trigger["authLevel"]);
            Assert.DoesNotContain("api/", (string?)trigger["route"]);
        }
        Assert.Contains(http, f => f.Name == "GetHealth" && (string?)f.Bindings[0]!["route"] == "health");
    }

    [Fact]
    public void EmittedMetadata_AgreesWithTheRegistrations()
    {
        _ = factory.Server;
        var catalog = factory.Services.GetRequiredService<FunctionCatalog>();
        var dir = Directory.CreateTempSubdirectory("pm-metadata-").FullName;
        var functions = catalog.Build();
        FunctionMetadataWriter.Write(functions, dir, Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.True(File.Exists(Path.Combine(dir, "host.json")));
        var written = Directory.GetDirectories(dir).Select(d => Path.GetFileName(d)!).Order().ToList();
        Assert.Equal(functions.Select(f => f.Name).Order().ToList(), written);
        foreach (var registration in catalog.Triggers)
        {
            var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, registration.Name, "function.json"))).RootElement;
            var binding = json.GetProperty("bindings")[0];
            switch (registration.Kind)
            {
                case FunctionKind.Timer:
                    Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal(registration.Source, binding.GetProperty("schedule").GetString());
                    Assert.Equal(6, registration.Source.Split(' ').Length);
                    break;
                case FunctionKind.Queue:
                    Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal(factory.StoragePrefix + registration.Source, binding.GetProperty("queueName").GetString());
                    Assert.Equal("Storage", binding.GetProperty("connection").GetString());
                    break;
                case FunctionKind.ServiceBus:
                    Assert.Equal("serviceBusTrigger", binding.GetProperty("type").GetString());
                    Assert.Equal("ServiceBus", binding.GetProperty("connection").GetString());
                    break;
            }
        }
        Assert.Contains(catalog.Triggers, t => t.Kind == FunctionKind.Timer);
        Assert.Contains(catalog.Triggers, t => t.Kind == FunctionKind.Queue);
    }

    [Fact]
    public void HostJson_ConfiguresTheCustomHandler()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"))).RootElement;
        Assert.True(host.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("PenguinMails.Functions", host.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("api", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.GetProperty("extensionBundle").GetProperty("id").GetString());
    }
}

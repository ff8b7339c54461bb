using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users.Workflows;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// Hosts the app's workflow engine the way the app does (<c>AddWorkflowsInfrastructure</c>, so the worker reads the same
/// <c>Workflows__*</c> settings) with <see cref="CrashTestWorkflow"/> on the task hub <c>Workflows__TaskHub</c>, until it is
/// killed, by the test or by itself at <c>CrashTest__CrashAt</c>. Not a top-level program: the test project also sees
/// the app's <c>Program</c>.
/// </summary>
public static class CrashHostProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(new WorkerIdentity(configuration["CrashTest:Worker"] ?? $"worker-{Environment.ProcessId}"));
        builder.Services.AddSingleton(CrashPoint.Parse(configuration["CrashTest:CrashAt"]));
        if (configuration["CrashTest:Workflow"] == BulkUsersUnderTest.Workflow)
        {
            // The real journey: the app's users-bulk orchestrator and batch activity over the app's stores.
            builder.Services.AddBulkUsersUnderTest(configuration).AddResultsCrash();
            builder.Services.AddWorkflowsInfrastructure(configuration);
            builder.Services.AddUsersWorkflows();
        }
        else
        {
            var storage = new StorageOptions
            {
                ConnectionString = configuration["Storage"] ?? throw new InvalidOperationException("Set 'Storage' to the Azurite connection string."),
                Prefix = configuration["Storage:Prefix"] ?? "",
            };
            builder.Services.AddSingleton(storage);
            builder.Services.AddSingleton(new StorageClients(storage));
            builder.Services.AddWorkflowsInfrastructure(configuration);
            builder.Services.AddCrashTestWorkflow();
        }

        using var host = builder.Build();
        await EffectLedger.CreateTablesAsync(host.Services.GetRequiredService<StorageClients>());
        await host.StartAsync();
        // The test waits for this line before it counts on the worker polling.
        Console.Out.WriteLine($"ready {host.Services.GetRequiredService<WorkerIdentity>().Name}");
        Console.Out.Flush();
        await host.WaitForShutdownAsync();
    }
}

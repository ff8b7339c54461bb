using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Audit;
using PenguinMails.Functions.DataProtection;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Hosting;

/// <summary>The command-line mode: `dotnet run -- &lt;command&gt;`. Returns null when the args name no command.</summary>
public static class CommandLine
{
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        if (!IsCommand(args))
        {
            return null;
        }
        try
        {
            return args[0] switch
            {
                "emit-function-metadata" when args.Length == 2 => EmitMetadata(app, args[1]),
                "run-timer" when args.Length == 2 => await RunTimerAsync(app, args[1]),
                "bootstrap-admin" when args.Length == 3 && args[1] == "--email" => await BootstrapAdminAsync(app, args[2]),
                "backup" when args.Length == 3 && args[1] == "--to" => await BackupCommands.BackupAsync(app, args[2]),
                "restore" when args.Length == 3 && args[1] == "--from" => await BackupCommands.RestoreAsync(app, args[2]),
                "verify-audit" => await VerifyAuditCommand.RunAsync(app, args[1..]),
                "rebuild-audit-index" => await RebuildAuditIndexCommand.RunAsync(app, args[1..]),
                _ => Usage(),
            };
        }
        catch (AdminException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Detail ?? e.Title}");
            return 1;
        }
        catch (Exception e) when (CommandFailure.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync($"error: {line}");
            return 1;
        }
    }

    /// <summary>True when the arguments name a command (so the app runs once and exits instead of serving).</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>
    /// A command's output is its stdout; logs already go to stderr, and below warnings they are noise for an operator.
    /// </summary>
    public static WebApplicationBuilder AddCommandLineMode(this WebApplicationBuilder builder, string[] args)
    {
        if (IsCommand(args))
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }
        return builder;
    }

    private static int EmitMetadata(WebApplication app, string directory)
    {
        // The app isn't serving, so read the endpoints straight from the route builder.
        var endpoints = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);
        EndpointPermissionCheck.Ensure(endpoints);
        var functions = new FunctionCatalog(endpoints, app.Services.GetServices<FunctionRegistration>(),
            app.Services.GetRequiredService<StorageNames>()).Build();
        var hostJson = Path.Combine(AppContext.BaseDirectory, "host.json");
        var count = FunctionMetadataWriter.Write(functions, directory, hostJson);
        Console.WriteLine($"Wrote {count} function.json files and host.json to {Path.GetFullPath(directory)}");
        return 0;
    }

    private static async Task<int> RunTimerAsync(WebApplication app, string name)
    {
        var dispatcher = app.Services.GetRequiredService<TriggerDispatcher>();
        var timer = dispatcher.Find(name);
        if (timer is not { Kind: FunctionKind.Timer })
        {
            await Console.Error.WriteLineAsync($"error: '{name}' is not a timer function.");
            return 2;
        }
        await InitializeStorageAsync(app);
        var invocation = await dispatcher.DispatchAsync(timer, """{"IsPastDue":false}""", 1, CancellationToken.None);
        foreach (var line in invocation.Logs)
        {
            Console.WriteLine(line);
        }
        return 0;
    }

    private static async Task<int> BootstrapAdminAsync(WebApplication app, string email)
    {
        await InitializeStorageAsync(app);
        var result = await app.Services.GetRequiredService<StaffBootstrapper>().BootstrapAsync(email);
        Console.WriteLine($"Created super-admin {result.Staff.Email} ({result.Staff.Id}). Session token (valid until {result.ExpiresAt:u}):");
        Console.WriteLine(result.Token);
        return 0;
    }

    internal static Task InitializeStorageAsync(WebApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<StorageInitializer>().Single().StartAsync(CancellationToken.None);

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: PenguinMails.Functions [command]
              (no command)                     serve HTTP (standalone on 127.0.0.1:7071, or under the Functions host)
              emit-function-metadata <dir>     write <dir>/<Function>/function.json and host.json
              run-timer <FunctionName>         run one timer function now and exit
              bootstrap-admin --email <email>  create the first super-admin and print a session token
              backup --to <dir|blob:folder>    export every table (JSONL and a manifest) to a directory or the backups container
              restore --from <dir|blob:folder> import a backup into empty tables, after checking every file's SHA-256
              verify-audit [--from <t>] [--to <t>] verify the audit chains, digests and index; exit 1 when broken
              rebuild-audit-index --from <t> [--to <t>] rewrite the audit index from the chain (after an index layout change)
            """);
        return 2;
    }
}

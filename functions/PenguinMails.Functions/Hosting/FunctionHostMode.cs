namespace PenguinMails.Functions.Hosting;

/// <summary>Whether the Azure Functions host started us (it sets FUNCTIONS_CUSTOMHANDLER_PORT) or we run standalone.</summary>
public sealed record FunctionHostMode(bool UnderFunctionsHost, int Port)
{
    public const int StandalonePort = 7071;

    public static FunctionHostMode Detect(Func<string, string?> environment)
    {
        var port = environment("FUNCTIONS_CUSTOMHANDLER_PORT");
        return int.TryParse(port, out var value) && value > 0
            ? new FunctionHostMode(true, value)
            : new FunctionHostMode(false, StandalonePort);
    }
}

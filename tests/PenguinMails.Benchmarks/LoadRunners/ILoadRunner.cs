namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>A measurement against real Azurite that prints its figures; started with `-- load &lt;Name&gt; [args]`.</summary>
public interface ILoadRunner
{
    string Name { get; }

    Task RunAsync(string[] args);
}

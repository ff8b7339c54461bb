namespace PenguinMails.Benchmarks.Infrastructure;

/// <summary>A measurement against the real app and Azurite that prints its figures.</summary>
public interface ILoadRunner
{
    string Name { get; }

    Task RunAsync(string[] args);
}

namespace PenguinMails.Benchmarks;

/// <summary>The named load runners: each seeds Azurite, measures, prints its figures, and exits non-zero when over budget.</summary>
public static class LoadRunners
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Runners = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monthly-report"] = MonthlyReportLoad.RunAsync,
        [MonthlyReportMeasurement.Command] = MonthlyReportMeasurement.RunAsync,
    };

    public static Func<string[], Task<int>>? Find(string name) => Runners.GetValueOrDefault(name);
}

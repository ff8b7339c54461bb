using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PenguinMails.Admin.Infrastructure.Compliance;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Spa;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Spa;

/// <summary>
/// The report page shows a report's HTML in a sandboxed srcdoc frame, which inherits the SPA's Content-Security-Policy:
/// the report's inline stylesheet must be allowed there, by its hash, both when the app serves the SPA and when the
/// Static Web App does.
/// </summary>
public sealed partial class SpaContentSecurityPolicyTests(SpaAppFactory factory) : IClassFixture<SpaAppFactory>
{
    private static string HashSourceOf(string css) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'";

    private static string StyleSrc(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));

    private async Task<string> SpaPolicyAsync() =>
        (await factory.CreateClient().GetAsync("/reports/some-report")).Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task TheSpasPolicy_AllowsTheReportStylesheetByItsHash_AndNoOtherInlineStyle()
    {
        var styleSrc = StyleSrc(await SpaPolicyAsync());

        Assert.Contains(HashSourceOf(ReportHtmlStyles.Css), styleSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", styleSrc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServedReportsStylesheet_IsTheOneTheSpaAndTheReportItselfAllow()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var today = DateTime.UtcNow.Date;
        var monday = today.AddDays(-((int)today.DayOfWeek + 6) % 7 - 14);
        var report = await (await client.PostAsJsonAsync("/api/reports", new { type = "weekly-access", periodStart = $"{monday:yyyy-MM-dd}" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var html = await client.GetAsync($"/api/reports/{report.GetProperty("id").GetString()}/content?format=html");

        var style = StyleElement().Match(await html.Content.ReadAsStringAsync());
        Assert.True(style.Success, "the report has no <style> element");
        var hash = HashSourceOf(style.Groups["css"].Value);
        Assert.Contains(hash, StyleSrc(await SpaPolicyAsync()), StringComparison.Ordinal);
        Assert.Contains(hash, StyleSrc(html.Headers.GetValues("Content-Security-Policy").Single()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStaticWebAppConfig_SendsTheSamePolicy()
    {
        var path = RepositoryFiles.PathOf("web", "public", "staticwebapp.config.json");
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(path));

        var policy = config.RootElement.GetProperty("globalHeaders").GetProperty("Content-Security-Policy").GetString();

        Assert.True(policy == SpaFallback.ContentSecurityPolicy,
            $"{path} must send the app's policy (the report stylesheet's hash changes with ReportHtmlStyles.Css). Set its " +
            $"globalHeaders.Content-Security-Policy to:\n{SpaFallback.ContentSecurityPolicy}");
    }

    [GeneratedRegex("<style>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}

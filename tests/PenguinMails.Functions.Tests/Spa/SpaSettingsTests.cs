using System.Net;
using Microsoft.Extensions.Configuration;
using PenguinMails.Functions.Spa;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Spa;

public sealed class SpaSettingsTests
{
    [Fact]
    public void ConfiguredRootWithoutIndexHtml_StopsStartUp()
    {
        var missing = Path.Combine(Path.GetTempPath(), "pm-spa-missing-" + Guid.NewGuid().ToString("N"));
        using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?> { [SpaRoot.Setting] = missing });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Spa:Root", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutSetting_TheDefaultIsWebDistUnderTheWorkingDirectory_OnlyWhenBuilt()
    {
        var empty = Directory.CreateTempSubdirectory("pm-cwd-").FullName;
        var configuration = new ConfigurationBuilder().Build();
        try
        {
            Assert.Null(SpaRoot.Resolve(configuration, empty));
            var dist = Directory.CreateDirectory(Path.Combine(empty, "web", "dist")).FullName;
            File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html>");
            Assert.Equal(dist, SpaRoot.Resolve(configuration, empty));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task UnderTheFunctionsHost_TheSpaIsNotServed()
    {
        var root = SpaAppFactory.CreateBuild();
        try
        {
            using var factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
            {
                [SpaRoot.Setting] = root,
                ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "40124",
            });

            var response = await factory.CreateClient().GetAsync("/dashboard");

            await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

public sealed class OpenApiTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task Document_ListsEveryEndpointWithItsPermission()
    {
        var json = await (await factory.CreateClient().GetAsync("/api/openapi.json")).ReadJsonAsync();
        var paths = json.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/health", out _));
        Assert.True(paths.TryGetProperty("/api/staff/{id}/roles", out var roles));
        Assert.Equal("staff.roles", roles.GetProperty("put").GetProperty("x-permission").GetString());
        Assert.True(json.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }
}

using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Tests.Security;

public sealed class RoleCatalogTests
{
    [Fact]
    public void TheContractsRolesExist()
    {
        foreach (var role in new[] { "super-admin", "admin", "user-manager", "support-agent", "finance", "security-officer", "auditor" })
        {
            Assert.True(RoleCatalog.Exists(role), role);
        }
    }

    [Fact]
    public void UserManager_CanBanAndBulkEdit_SupportAgentCanDoNeither()
    {
        var manager = RoleCatalog.PermissionsOf([RoleCatalog.UserManager]);
        var agent = RoleCatalog.PermissionsOf([RoleCatalog.SupportAgent]);
        Assert.Contains(Permissions.UsersBan, manager);
        Assert.Contains(Permissions.UsersBulkEdit, manager);
        Assert.DoesNotContain(Permissions.UsersBan, agent);
        Assert.DoesNotContain(Permissions.UsersBulkEdit, agent);
    }

    [Fact]
    public void ChangingAPlatformUsersRole_IsHeldByUserManagerAndAbove_NotSupportAgent()
    {
        var holders = RoleCatalog.Roles.Where(r => r.Permissions.Contains(Permissions.UsersChangeRole)).Select(r => r.Name).Order();
        Assert.Equal(["admin", "super-admin", "user-manager"], holders);
    }

    [Fact]
    public void OnlyTheVaultRolesCanRevealSecrets()
    {
        var revealers = RoleCatalog.Roles.Where(r => r.Permissions.Contains(Permissions.SecretsReveal)).Select(r => r.Name).Order();
        Assert.Equal(["security-officer", "super-admin"], revealers);
    }

    [Fact]
    public void EveryGrantedPermission_IsInTheCatalog() =>
        Assert.All(RoleCatalog.Roles.SelectMany(r => r.Permissions), p => Assert.Contains(p, Permissions.All));

    [Fact]
    public void UnknownRoles_GrantNothing() => Assert.Empty(RoleCatalog.PermissionsOf(["wizard"]));
}

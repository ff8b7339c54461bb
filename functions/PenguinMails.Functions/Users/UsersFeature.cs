using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Infrastructure.Users.Workflows;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Users;

public static class UsersFeature
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddUsersInfrastructure();
        builder.Services.AddUsersWorkflows();
        builder.Services.AddQueueFunction<RebuildUserIndexFunction>(RebuildUserIndexFunction.Name, UserIndexQueue.Name);
        return builder;
    }

    public static void MapUsers(this WebApplication app)
    {
        app.MapUsersApi();
        app.MapUsersBulkApi();
    }
}

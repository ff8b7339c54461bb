using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Audit;
using PenguinMails.Functions.Billing;
using PenguinMails.Functions.Compliance;
using PenguinMails.Functions.DataProtection;
using PenguinMails.Functions.FeatureFlags;
using PenguinMails.Functions.Health;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Http;
using PenguinMails.Functions.Monitoring;
using PenguinMails.Functions.Observability;
using PenguinMails.Functions.Secrets;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Settings;
using PenguinMails.Functions.Spa;
using PenguinMails.Functions.Staff;
using PenguinMails.Functions.Tenants;
using PenguinMails.Functions.Tickets;
using PenguinMails.Functions.Users;
using PenguinMails.Functions.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.AddFunctionHost();
builder.AddObservability();
builder.AddCommandLineMode(args);
builder.AddHttpConventions();
builder.Services.AddStorage(builder.Configuration);
builder.AddHealthApi();
builder.AddSessionAuthentication();
builder.AddStaff();
builder.AddAudit();
builder.AddBilling();
builder.AddSecrets();
builder.AddDataProtection();
builder.AddMonitoring();
builder.AddCompliance();
builder.AddWorkflows();
builder.AddTickets();
builder.AddTenants();
builder.AddUsers();
builder.AddFeatureFlags();
builder.AddSettings();

var app = builder.Build();
app.UseHttpConventions();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotencyKeys();
app.UseAdminSpa();

app.MapHealthApi();
app.MapStaff();
app.MapAudit();
app.MapBilling();
app.MapSecrets();
app.MapDataProtection();
app.MapMonitoring();
app.MapCompliance();
app.MapWorkflows();
app.MapTickets();
app.MapTenants();
app.MapUsers();
app.MapFeatureFlags();
app.MapSettings();
app.MapFunctionHost();

if (await CommandLine.RunAsync(app, args) is { } exitCode)
{
    return exitCode;
}
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

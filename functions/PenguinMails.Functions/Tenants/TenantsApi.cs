using Microsoft.AspNetCore.Mvc;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Tenants;

/// <summary>Tenant onboarding and configuration (Journeys 1 and 2).</summary>
public static class TenantsApi
{
    public static void MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants").WithTags("Tenants");
        group.MapGet("/", ListTenants).WithName("ListTenants").RequirePermission(Permissions.TenantsRead);
        group.MapPost("/", CreateTenant).WithName("CreateTenant").RequirePermission(Permissions.TenantsManage);
        group.MapGet("/{id}", GetTenant).WithName("GetTenant").RequirePermission(Permissions.TenantsRead);
        group.MapPatch("/{id}", UpdateTenant).WithName("UpdateTenant").RequirePermission(Permissions.TenantsManage);
        group.MapPost("/{id}/approve", ApproveTenant).WithName("ApproveTenant").RequirePermission(Permissions.TenantsApprove);
        group.MapPost("/{id}/reject", RejectTenant).WithName("RejectTenant").RequirePermission(Permissions.TenantsApprove);
        group.MapPut("/{id}/settings", UpdateSettings).WithName("UpdateTenantSettings").RequirePermission(Permissions.TenantsManage);
        group.MapPut("/{id}/billing", UpdateBilling).WithName("UpdateTenantBilling").RequirePermission(Permissions.TenantsManage);
        group.MapPut("/{id}/communication-preferences", UpdatePreferences).WithName("UpdateTenantCommunicationPreferences")
            .RequirePermission(Permissions.TenantsManage);
    }

    private static async Task<Ok<Page<TenantResponse>>> ListTenants(TenantService service, string? status, string? q, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        new Validator().Optional("q", q, 200).ThrowIfInvalid();
        var filter = new TenantFilter(Enums.ParseOptional<TenantStatus>("status", status), string.IsNullOrWhiteSpace(q) ? null : q);
        var page = await service.ListAsync(filter, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(TenantResponse.From));
    }

    private static async Task<Created<TenantResponse>> CreateTenant(CreateTenantRequest request, TenantService service, Actor actor,
        CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(actor, request.Name, request.PrimaryDomain, request.Plan, request.OwnerEmail, request.Reason, cancellationToken);
        return TypedResults.Created($"/api/tenants/{created.Value.Id}", TenantResponse.From(created.Value));
    }

    private static async Task<Ok<TenantResponse>> GetTenant(string id, TenantService service, HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.GetAsync(id, cancellationToken));

    private static async Task<Ok<TenantResponse>> UpdateTenant(string id, UpdateTenantRequest request, TenantService service, Actor actor, HttpRequest http,
        CancellationToken cancellationToken)
    {
        var patch = new TenantPatch(request.Name, request.PrimaryDomain, request.Plan, request.OwnerEmail,
            Enums.ParseOptional<TenantStatus>("status", request.Status));
        return Versioned(http.HttpContext.Response, await service.UpdateAsync(actor, id, patch, http.IfMatch(), request.Reason, cancellationToken));
    }

    private static async Task<Ok<TenantResponse>> ApproveTenant(string id, [FromBody] TenantReasonRequest? request, TenantService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.ApproveAsync(actor, id, request?.Reason, cancellationToken));

    private static async Task<Ok<TenantResponse>> RejectTenant(string id, TenantReasonRequest request, TenantService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.RejectAsync(actor, id, request.Reason, cancellationToken));

    private static async Task<Ok<TenantResponse>> UpdateSettings(string id, UpdateTenantSettingsRequest request, TenantService service, Actor actor,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var settings = new TenantSettings(request.Timezone, request.DailySendLimit, request.DataRetentionDays, request.TrackingEnabled);
        return Versioned(http.HttpContext.Response, await service.UpdateSettingsAsync(actor, id, settings, http.IfMatch(), request.Reason, cancellationToken));
    }

    private static async Task<Ok<TenantResponse>> UpdateBilling(string id, UpdateTenantBillingRequest request, PenguinMails.Admin.Billing.FinanceService finance,
        Actor actor, HttpRequest http, CancellationToken cancellationToken)
    {
        var billing = new TenantBilling(request.StripeCustomerId, request.BillingEmail, request.TaxId, request.Currency);
        return Versioned(http.HttpContext.Response, await finance.UpdateTenantBillingAsync(actor, id, billing, http.IfMatch(), request.Reason, cancellationToken));
    }

    private static async Task<Ok<TenantResponse>> UpdatePreferences(string id, UpdateCommunicationPreferencesRequest request, TenantService service,
        Actor actor, HttpRequest http, CancellationToken cancellationToken)
    {
        var preferences = new CommunicationPreferences(request.ContactEmail, request.ProductUpdates, request.MaintenanceNotices, request.BillingNotices,
            request.SecurityNotices);
        return Versioned(http.HttpContext.Response,
            await service.UpdateCommunicationPreferencesAsync(actor, id, preferences, http.IfMatch(), request.Reason, cancellationToken));
    }

    private static Ok<TenantResponse> Versioned(HttpResponse response, Versioned<Tenant> tenant)
    {
        response.SetETag(tenant.ETag);
        return TypedResults.Ok(TenantResponse.From(tenant.Value));
    }
}

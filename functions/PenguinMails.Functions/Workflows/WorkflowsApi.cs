using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Workflows;

/// <summary>Workflow status, external events and termination (Journey 4).</summary>
public static class WorkflowsApi
{
    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").WithTags("Workflows");
        group.MapGet("/", ListWorkflows).WithName("ListWorkflows").RequirePermission(Permissions.WorkflowsRead);
        group.MapGet("/{id}", GetWorkflow).WithName("GetWorkflow").RequirePermission(Permissions.WorkflowsRead);
        group.MapPost("/{id}/events/{name}", RaiseEvent).WithName("RaiseWorkflowEvent").RequirePermission(Permissions.WorkflowsManage);
        group.MapPost("/{id}/terminate", Terminate).WithName("TerminateWorkflow").RequirePermission(Permissions.WorkflowsManage);
    }

    private static async Task<Ok<Page<WorkflowResponse>>> ListWorkflows(IWorkflowClient workflows, WorkflowRegistry registry, Actor actor, string? type, string? status,
        int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var runtimeStatus = Enums.ParseOptional<WorkflowRuntimeStatus>("status", status);
        var page = PageRequest.From(pageSize, cursor);
        if (!string.IsNullOrWhiteSpace(type) && !workflows.CanAccess(actor, type))
        {
            throw AdminException.Forbidden($"You may not see workflows of type '{type}'.");
        }
        var filter = new WorkflowFilter(string.IsNullOrWhiteSpace(type) ? null : type, runtimeStatus, workflows.VisibleTypes(actor));
        var result = await workflows.ListAsync(filter, page, cancellationToken);
        return TypedResults.Ok(result.Map(i => WorkflowResponse.From(i, registry)));
    }

    private static async Task<Ok<WorkflowResponse>> GetWorkflow(string id, IWorkflowClient workflows, WorkflowRegistry registry, Actor actor, CancellationToken cancellationToken)
    {
        await workflows.EnsureAccessAsync(actor, id, cancellationToken);
        var status = await workflows.GetAsync(id, cancellationToken);
        return TypedResults.Ok(WorkflowResponse.From(status.Instance, registry, status.History));
    }

    private static async Task<Accepted> RaiseEvent(string id, string name, IWorkflowClient workflows, Actor actor,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] JsonElement? payload, CancellationToken cancellationToken)
    {
        await workflows.EnsureAccessAsync(actor, id, cancellationToken);
        await workflows.RaiseEventAsync(actor, id, name, payload, cancellationToken);
        return TypedResults.Accepted(WorkflowUrls.Status(id));
    }

    private static async Task<Accepted> Terminate(string id, TerminateWorkflowRequest request, IWorkflowClient workflows, Actor actor,
        CancellationToken cancellationToken)
    {
        var reason = Reason.Required(request.Reason);
        await workflows.EnsureAccessAsync(actor, id, cancellationToken);
        await workflows.TerminateAsync(actor, id, reason, cancellationToken);
        return TypedResults.Accepted(WorkflowUrls.Status(id));
    }
}

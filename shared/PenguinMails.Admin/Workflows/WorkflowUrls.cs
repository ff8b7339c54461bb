namespace PenguinMails.Admin.Workflows;

/// <summary>Where the API shows an instance.</summary>
public static class WorkflowUrls
{
    public static string Status(string instanceId) => "/api/workflows/" + Uri.EscapeDataString(instanceId);
}

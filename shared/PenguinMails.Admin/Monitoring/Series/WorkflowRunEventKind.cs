namespace PenguinMails.Admin.Monitoring.Series;

public enum WorkflowRunEventKind
{
    Started,
    Completed,
    Failed,
}

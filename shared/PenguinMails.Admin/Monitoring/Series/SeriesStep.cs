namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>The width of one point: a minute or an hour.</summary>
public enum SeriesStep
{
    Minute,
    Hour,
}

using System.Globalization;

namespace PenguinMails.Functions.Audit;

/// <summary>The <c>--from &lt;time&gt;</c> and <c>--to &lt;time&gt;</c> arguments of the audit commands (ISO 8601, UTC unless an offset is given).</summary>
public static class AuditRangeArguments
{
    /// <summary>False when an argument is not one of the two, or its time does not parse.</summary>
    public static bool TryParse(string[] args, out DateTimeOffset? from, out DateTimeOffset? to)
    {
        (from, to) = (null, null);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                || args[i] is not ("--from" or "--to"))
            {
                return false;
            }
            if (args[i] == "--from")
            {
                from = value;
            }
            else
            {
                to = value;
            }
        }
        return true;
    }
}

using System.Globalization;
using System.Security.Cryptography;

namespace PenguinMails.Admin.Tickets;

/// <summary>Ticket ids sort newest first (inverted creation ticks, fixed width), with random bits against collisions.</summary>
internal static class TicketIds
{
    public static string New(DateTimeOffset now)
    {
        var inverted = DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks;
        return inverted.ToString("x16", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }
}

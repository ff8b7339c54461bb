using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Staff members by id, so report rows show people by email rather than by opaque id.</summary>
internal sealed class StaffDirectory
{
    private readonly Dictionary<string, StaffMember> _byId = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StaffMember> Members => _byId.Values;

    public static async Task<StaffDirectory> LoadAsync(IStaffStore staff, CancellationToken cancellationToken)
    {
        var directory = new StaffDirectory();
        await foreach (var member in staff.AllAsync(cancellationToken))
        {
            directory._byId[member.Id] = member;
        }
        return directory;
    }

    public string NameOf(string id) => _byId.TryGetValue(id, out var member) ? member.Email : id;
}

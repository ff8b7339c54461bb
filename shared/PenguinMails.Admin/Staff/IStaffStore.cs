using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Staff;

/// <summary>Staff members, with ETag concurrency and a unique email.</summary>
public interface IStaffStore
{
    Task<Versioned<StaffMember>?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Creates the member; 409 when the email is taken.</summary>
    Task<Versioned<StaffMember>> CreateAsync(StaffMember member, CancellationToken cancellationToken = default);

    /// <summary>Replaces the member if <paramref name="etag"/> still matches (412 otherwise).</summary>
    Task<Versioned<StaffMember>> UpdateAsync(StaffMember member, string etag, CancellationToken cancellationToken = default);

    Task<Page<StaffMember>> ListAsync(StaffFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every staff member; the staff list is small (hundreds), so guards may read it whole.</summary>
    IAsyncEnumerable<StaffMember> AllAsync(CancellationToken cancellationToken = default);
}

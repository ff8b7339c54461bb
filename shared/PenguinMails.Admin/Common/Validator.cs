using System.Net.Mail;

namespace PenguinMails.Admin.Common;

/// <summary>Collects field errors and throws one <c>validation_failed</c> problem with all of them.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Validator Require(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"{field} is required.");
        }
        return value.Length > maxLength ? Add(field, $"{field} must be at most {maxLength} characters.") : this;
    }

    public Validator Optional(string field, string? value, int maxLength)
    {
        return value is not null && value.Length > maxLength ? Add(field, $"{field} must be at most {maxLength} characters.") : this;
    }

    public Validator Email(string field, string? value)
    {
        Require(field, value, 254);
        if (!string.IsNullOrWhiteSpace(value) && !IsEmail(value))
        {
            Add(field, $"{field} must be an email address.");
        }
        return this;
    }

    public Validator When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw AdminException.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}

using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>The typed values of one settings section; each checks its own rules beyond the JSON shape.</summary>
public interface ISettingsValues
{
    void Validate(Validator validator);
}

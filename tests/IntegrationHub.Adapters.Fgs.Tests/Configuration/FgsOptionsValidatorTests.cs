using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Tests.Configuration;

/// <summary>A wrong setting stops the start with a message naming the setting and what to put there.</summary>
public sealed class FgsOptionsValidatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<string> Failures(FgsOptions options) =>
        new FgsOptionsValidator().Validate("platina-arkiv", options).Failures?.ToList() ?? [];

    [Fact]
    public void GoodSettings_PassAndDisabledOnesAreNotChecked()
    {
        Assert.Empty(Failures(TestOptions.Create(_temp.Path)));
        Assert.Empty(Failures(new FgsOptions { Enabled = false }));
    }

    [Fact]
    public void AFolderThatDoesNotExist_IsNamedWithItsPath()
    {
        var failures = Failures(TestOptions.Create("/srv/fgs-in"));

        Assert.Equal(["Adapters:Fgs:platina-arkiv:Folder (/srv/fgs-in) does not exist: create it or correct the path."], failures);
    }

    [Fact]
    public void EveryBadSetting_IsReportedAtOnce()
    {
        var options = new FgsOptions
        {
            Municipality = "Sundsvall",
            SourceSystem = "Platina",
            Schedule = "every 30 seconds",
            CaseTypes = new() { ["Bygglov"] = "Bygglov" },
            DefaultCaseType = "Allmänt",
            DefaultClassification = (DataClassification)9,
            SettleSeconds = -1,
            MaxFileMegabytes = 0,
            TimeZone = "Mars/Olympus",
        };

        var failures = Failures(options);

        Assert.Equal(
            [
                "Adapters:Fgs:platina-arkiv:Municipality",
                "Adapters:Fgs:platina-arkiv:Folder is required",
                "Adapters:Fgs:platina-arkiv:SourceSystem",
                "Adapters:Fgs:platina-arkiv:Schedule (every 30 seconds)",
                "Adapters:Fgs:platina-arkiv:CaseTypes:Bygglov",
                "Adapters:Fgs:platina-arkiv:DefaultCaseType",
                "Adapters:Fgs:platina-arkiv:DefaultClassification",
                "Adapters:Fgs:platina-arkiv:SettleSeconds",
                "Adapters:Fgs:platina-arkiv:MaxFileMegabytes",
                "Adapters:Fgs:platina-arkiv:TimeZone (Mars/Olympus)",
            ],
            failures.Select(Prefix));
    }

    /// <summary>The setting a message names: everything before what it says about it.</summary>
    private static string Prefix(string failure)
    {
        foreach (var end in new[] { " is required", " must", " is not", " does not" })
        {
            var at = failure.IndexOf(end, StringComparison.Ordinal);
            if (at > 0)
            {
                return end == " is required" ? failure[..(at + end.Length)] : failure[..at];
            }
        }

        return failure;
    }
}

using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Tests;

/// <summary>Settings like the shipped sample's, for a drop folder of the fictional Exempelkommun (2281).</summary>
internal static class TestOptions
{
    public static FgsOptions Create(string? folder = null) => new()
    {
        Municipality = "2281",
        Folder = folder ?? Samples.ValidFolder,
        SourceSystem = "platina",
        CaseTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Bygglov"] = "bygglov",
            ["Medborgarförslag"] = "medborgarforslag",
            ["Skadeståndsärende"] = "skadestand",
        },
        DefaultCaseType = "allmant",
        DefaultClassification = DataClassification.Internal,
    };
}

using System.Text.Json.Nodes;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>The canonical examples in <c>schemas/sambruk-case-event/v1/examples/valid</c>.</summary>
internal static class Examples
{
    /// <summary>A building-permit application in Sundsvall (2281) with applicant, co-applicant, representative and property owner.</summary>
    public const string Opened = "opened.json";

    /// <summary>A decision in Stockholm (0180).</summary>
    public const string DecidedInStockholm = "decided--forskoleplacering.json";

    /// <summary>The hub's own service-promise deadline event: its id has an 'ö' and it has no Mina ärenden category.</summary>
    public const string ServicePromisePassed = "deadline-passed--servicelofte.json";

    private static readonly Lazy<string> Folder = new(() => Path.Combine(RepositoryRoot(), "schemas", "sambruk-case-event", "v1", "examples", "valid"));

    /// <summary>The example as the hub reads it.</summary>
    public static CaseEvent Load(string name) => CaseEventFormatter.DecodeStructured(File.ReadAllBytes(Path.Combine(Folder.Value, name)));

    /// <summary>The example's JSON as the source sent it.</summary>
    public static JsonNode Json(string name) => JsonNode.Parse(File.ReadAllBytes(Path.Combine(Folder.Value, name)))!;

    /// <summary>The folder holding IntegrationHub.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IntegrationHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("IntegrationHub.sln was not found above " + AppContext.BaseDirectory);
    }
}

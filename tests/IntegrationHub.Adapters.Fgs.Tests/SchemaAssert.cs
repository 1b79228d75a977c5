using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.Fgs.Tests;

/// <summary>Checks events the way the hub's intake does: serialized as CloudEvents JSON, against the schema and its rules.</summary>
internal static class SchemaAssert
{
    public static void Valid(CaseEvent caseEvent)
    {
        using var json = JsonDocument.Parse(CaseEventFormatter.EncodeStructured(caseEvent));
        var errors = CaseEventValidator.Default.Validate(json.RootElement);
        Assert.True(errors.Count == 0, $"{caseEvent.Id}: " + string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Rule}: {e.Message}")));
    }
}

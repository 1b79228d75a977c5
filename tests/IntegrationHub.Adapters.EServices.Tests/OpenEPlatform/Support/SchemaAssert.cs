using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>Checks events against the Sambruk case-event schema with the hub's own validator.</summary>
internal static class SchemaAssert
{
    public static void Valid(CaseEvent caseEvent)
    {
        using var json = JsonDocument.Parse(CaseEventFormatter.EncodeStructured(caseEvent));
        var errors = CaseEventValidator.Default.Validate(json.RootElement);
        Assert.True(errors.Count == 0, $"{caseEvent.Id}: " + string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Rule}: {e.Message}")));
    }
}

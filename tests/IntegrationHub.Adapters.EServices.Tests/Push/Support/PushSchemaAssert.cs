using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Adapters.EServices.Tests.Push.Support;

/// <summary>Checks events against the Sambruk case-event schema with the hub's own validator.</summary>
internal static class PushSchemaAssert
{
    public static void Valid(CaseEvent caseEvent)
    {
        var errors = CaseEventValidator.Default.Validate(CaseEventFormatter.ToJsonElement(caseEvent));
        Assert.True(errors.Count == 0, $"{caseEvent.Id}: " + string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Rule}: {e.Message}")));
    }
}

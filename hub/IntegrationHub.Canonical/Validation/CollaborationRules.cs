using System.Text.Json;

namespace IntegrationHub.Canonical.Validation;

/// <summary>Rules inside <c>data.collaboration</c> that hold whatever the event type.</summary>
internal static class CollaborationRules
{
    public static void Check(JsonElement data, List<ValidationError> errors)
    {
        if (JsonRead.TryObject(data, "collaboration", out var collaboration)
            && JsonRead.TryString(collaboration, "kind", out var kind)
            && kind is "remiss" or "uppdragsgivning"
            && JsonRead.Has(collaboration, "retainedFollowUp"))
        {
            errors.Add(new ValidationError("/data/collaboration/retainedFollowUp", ValidationRules.RetainedFollowUp,
                "Retained follow-up responsibility (behållet uppföljningsansvar) applies only to vidarebefordran."));
        }
    }
}

using System.Text.Json;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// The data parts each event type requires, and the collaboration kind each collaboration event type
/// must carry. Runs only when <c>type</c> is a known event type.
/// </summary>
internal static class EventTypeRules
{
    private const string Prefix = "se.sambruk.case.";
    private const string Remiss = "remiss";
    private const string Uppdragsgivning = "uppdragsgivning";
    private const string Vidarebefordran = "vidarebefordran";

    // completed is the klarmarkering of a forward (vidarebefordran) and the "done" of an assignment (uppdragsgivning).
    private static readonly Dictionary<string, string[]> CollaborationKinds = new(StringComparer.Ordinal)
    {
        [Prefix + "referred"] = [Remiss],
        [Prefix + "referral-answered"] = [Remiss],
        [Prefix + "assigned"] = [Uppdragsgivning],
        [Prefix + "assignment-reported"] = [Uppdragsgivning],
        [Prefix + "forwarded"] = [Vidarebefordran],
        [Prefix + "completed"] = [Vidarebefordran, Uppdragsgivning],
    };

    private static readonly HashSet<string> KnownKinds = new(StringComparer.Ordinal) { Remiss, Uppdragsgivning, Vidarebefordran };

    public static void Check(JsonElement cloudEvent, JsonElement data, List<ValidationError> errors)
    {
        if (!JsonRead.TryString(cloudEvent, "type", out var type))
        {
            return;
        }

        switch (type)
        {
            case Prefix + "opened":
                if (JsonRead.TryObject(data, "case", out var caseRef) && !JsonRead.Has(caseRef, "title"))
                {
                    errors.Add(new ValidationError("/data/case/title", ValidationRules.RequiresTitle,
                        "A se.sambruk.case.opened event must carry the case title (ärendemening) in data.case.title."));
                }

                break;
            case Prefix + "document-registered":
                Require(data, "document", ValidationRules.RequiresDocument, type, errors);
                break;
            case Prefix + "decided":
                Require(data, "decision", ValidationRules.RequiresDecision, type, errors);
                break;
            case Prefix + "paused":
                Require(data, "pause", ValidationRules.RequiresPause, type, errors);
                break;
            case Prefix + "deadline-passed":
                Require(data, "deadline", ValidationRules.RequiresDeadline, type, errors);
                break;
            default:
                if (CollaborationKinds.TryGetValue(type, out var expectedKinds))
                {
                    CheckCollaboration(data, type, expectedKinds, errors);
                }

                break;
        }
    }

    private static void Require(JsonElement data, string part, string rule, string type, List<ValidationError> errors)
    {
        if (!JsonRead.Has(data, part))
        {
            errors.Add(new ValidationError("/data/" + part, rule, $"A {type} event must carry data.{part}."));
        }
    }

    private static void CheckCollaboration(JsonElement data, string type, string[] expectedKinds, List<ValidationError> errors)
    {
        if (!JsonRead.Has(data, "collaboration"))
        {
            errors.Add(new ValidationError("/data/collaboration", ValidationRules.RequiresCollaboration,
                $"A {type} event must carry data.collaboration."));
            return;
        }

        if (JsonRead.TryObject(data, "collaboration", out var collaboration)
            && JsonRead.TryString(collaboration, "kind", out var kind)
            && KnownKinds.Contains(kind)
            && !expectedKinds.Contains(kind, StringComparer.Ordinal))
        {
            errors.Add(new ValidationError("/data/collaboration/kind", ValidationRules.CollaborationKind,
                $"A {type} event must carry a collaboration of kind {string.Join(" or ", expectedKinds.Select(k => $"\"{k}\""))}."));
        }
    }
}

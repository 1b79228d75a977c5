using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>What an event says that must never reach an error text, a log or an e-mail: people and case details.</summary>
internal static class PersonalData
{
    /// <summary>Every such text of the event, each with what it is, so that a failure says what leaked.</summary>
    public static IReadOnlyList<(string What, string Value)> Of(CaseEvent caseEvent)
    {
        var data = caseEvent.Data;
        var found = new List<(string, string?)>
        {
            ("headline", data.Event.Headline),
            ("description", data.Event.Description),
            ("case number", data.Case.CaseNumber),
            ("main case number", data.Case.MainCaseNumber),
            ("diarienummer", data.Case.Diarienummer?.Value),
            ("case title", data.Case.Title),
            ("concerned person's identity", data.Concerns?.Identity.Value),
            ("concerned person's name", data.Concerns?.Name),
            ("document title", data.Document?.Title),
            ("document sender's name", data.Document?.Sender?.Name),
            ("document sender's identity", data.Document?.Sender?.Identity?.Value),
            ("decision summary", data.Decision?.Summary),
        };
        foreach (var party in data.Parties ?? [])
        {
            found.Add(($"{party.Role} identity", party.Identity?.Value));
            found.Add(($"{party.Role} name", party.Name));
            found.Add(($"{party.Role} phone", party.Phone));
        }

        return [.. found.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => (f.Item1, f.Item2!))];
    }

    /// <summary>Fails naming the first piece of personal data or case detail <paramref name="text"/> holds.</summary>
    public static void AssertAbsent(CaseEvent caseEvent, string? text, string where)
    {
        foreach (var (what, value) in Of(caseEvent))
        {
            Assert.False(
                text?.Contains(value, StringComparison.OrdinalIgnoreCase) == true,
                $"The {where} contains the event's {what}: {text}");
        }
    }
}

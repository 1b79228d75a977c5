using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>The short plain-Swedish texts for list views such as Mina Sidor; no internal codes, nothing sensitive.</summary>
internal static class PlatinaHeadlines
{
    /// <summary>The headline of the event that links a hub case with the Platina case made for the committee.</summary>
    public const string Linked = "Ärendet har registrerats i Platina för nämndbehandling";

    public static string For(string type, Document? document, Decision? decision) => type switch
    {
        CaseEventTypes.Opened => "Ärendet har registrerats i diariet",
        CaseEventTypes.DocumentRegistered => document?.Direction switch
        {
            DocumentDirection.Incoming => "En handling har kommit in i ärendet",
            DocumentDirection.Sent => "En handling har skickats ut i ärendet",
            _ => "En handling har upprättats i ärendet",
        },
        CaseEventTypes.Decided => decision?.DecidedBy?.Name is { Length: <= 80 } body ? $"{body} har fattat beslut i ärendet" : "Beslut har fattats i ärendet",
        CaseEventTypes.Closed => "Ärendet har avslutats",
        CaseEventTypes.Reopened => "Ärendet har öppnats igen",
        CaseEventTypes.Resumed => "Handläggningen av ärendet har återupptagits",
        _ => "Ärendets status har ändrats",
    };
}

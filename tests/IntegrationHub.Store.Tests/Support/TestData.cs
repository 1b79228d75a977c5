using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>Fictional but realistic Swedish test data.</summary>
internal static class TestData
{
    /// <summary>Kommunkod of Sundsvall.</summary>
    public const string Sundsvall = "2281";

    /// <summary>Kommunkod of Timrå.</summary>
    public const string Timra = "2262";

    public const string EdpFuture = "edp-future";

    public const string Platina = "platina";

    /// <summary>Monday 2 March 2026, 09:00 Swedish winter time.</summary>
    public static DateTimeOffset March2 { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset ReceivedAt { get; } = new(2026, 3, 2, 8, 5, 0, TimeSpan.Zero);

    /// <summary>Vårdnadshavare and applicant.</summary>
    public static TestPerson Anna { get; } = TestPerson.Born("Anna Lindqvist", "19850612238");

    /// <summary>Anna's daughter; cases concern her.</summary>
    public static TestPerson Elsa { get; } = TestPerson.Born("Elsa Lindqvist", "20150304124");

    /// <summary>A neighbour (sakägare) in a building-permit case.</summary>
    public static TestPerson Johan { get; } = TestPerson.Born("Johan Berg", "19720118457");

    public static OrganisationRef ByggOchMiljonamnden { get; } = new("bmn", "Bygg- och miljönämnden");

    public static OrganisationRef Bygglovsenheten { get; } = new("bygglov", "Bygglovsenheten");

    /// <summary>A building-permit case in EDP Future with every field set.</summary>
    public static CaseRef Bygglov(string sourceCaseId = "BL-2026-0042", int runningNumber = 42) => new()
    {
        SourceSystem = EdpFuture,
        SourceCaseId = sourceCaseId,
        CaseNumber = $"BL {sourceCaseId[^4..]}",
        MainCaseNumber = "BL 2026-0001",
        Diarienummer = new Diarienummer($"BMN 2026/{runningNumber}", "BMN", 2026, runningNumber),
        Title = "Bygglov för nybyggnad av enbostadshus, Tallbacken 3",
        CaseType = "bygglov",
        Authority = ByggOchMiljonamnden,
        Unit = Bygglovsenheten,
        Status = CaseStatus.Open,
        SourceStatus = "Inkommen",
    };

    /// <summary>A childcare application (ansökan om förskoleplats) that concerns a child.</summary>
    public static CaseRef Forskoleplats(string sourceCaseId = "FS-2026-0117") => new()
    {
        SourceSystem = "open-eplatform",
        SourceCaseId = sourceCaseId,
        CaseNumber = sourceCaseId,
        Title = "Ansökan om förskoleplats",
        CaseType = "forskoleplats",
        Authority = new OrganisationRef("bun", "Barn- och utbildningsnämnden"),
        Status = CaseStatus.Open,
    };

    /// <summary>Only the key of a case, as a status event that says nothing else carries it.</summary>
    public static CaseRef KeyOnly(CaseRef full) => new() { SourceSystem = full.SourceSystem, SourceCaseId = full.SourceCaseId };
}

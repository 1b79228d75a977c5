namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>
/// A hub configured the way Sundsvall (2281) might be: three hub diaries in three number formats,
/// case types registered in them, one case type whose diary is Platina, and service promises.
/// </summary>
public class MunicipalHubFactory : HubFactory
{
    public MunicipalHubFactory() : this(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)) { }

    /// <summary>The same configuration with the clock starting at <paramref name="start"/>.</summary>
    protected MunicipalHubFactory(DateTimeOffset start) : base(start)
    {
        const string m = "Hub:Municipalities:2281";
        Settings[$"{m}:Name"] = "Sundsvalls kommun";
        Settings[$"{m}:Diaries:KS:Name"] = "Kommunstyrelsen";
        Settings[$"{m}:Diaries:KS:Format"] = "{series} {year}/{number}";
        Settings[$"{m}:Diaries:SBN:Name"] = "Stadsbyggnadsnämnden";
        Settings[$"{m}:Diaries:SBN:Format"] = "{series}-{year}/{number:4}";
        Settings[$"{m}:Diaries:MN:Name"] = "Miljönämnden";
        Settings[$"{m}:Diaries:MN:Format"] = "{year}-{number:6}";
        Settings[$"{m}:CaseTypes:bygglov:Diary"] = "SBN";
        Settings[$"{m}:CaseTypes:bygglov:ServicePromiseWorkingDays"] = "50";
        Settings[$"{m}:CaseTypes:medborgarforslag:Diary"] = "KS";
        Settings[$"{m}:CaseTypes:nedskrapning:Diary"] = "MN";
        Settings[$"{m}:CaseTypes:nedskrapning:ServicePromiseWorkingDays"] = "10";
        Settings[$"{m}:CaseTypes:forskoleplats:DiarySource"] = "platina";
    }
}

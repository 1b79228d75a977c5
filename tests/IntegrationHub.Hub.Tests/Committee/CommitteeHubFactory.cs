using IntegrationHub.Hub.Tests.Infrastructure;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.Committee;

/// <summary>
/// Sundsvall's hub with EDP Future and Platina connected, both simulated by WireMock.Net on loopback: the committee rule
/// sends a Future VA errand to Platina when it reaches "Till nämnd". Polls are run by the tests (no schedule).
/// </summary>
public sealed class CommitteeHubFactory : MunicipalHubFactory
{
    public const int CustomerId = 100245;

    public CommitteeHubFactory()
    {
        Settings["Hub:Polling:Enabled"] = "false";
        Settings["Hub:Delivery:PollInterval"] = "00:00:00.100";
        Settings["Hub:Delivery:FirstRetryDelay"] = "00:00:00.200";
        Settings["Hub:Delivery:MaxRetryDelay"] = "00:00:00.400";
        Settings["Hub:Delivery:MaxAttempts"] = "60";
        // Platina's diary is authoritative for VA errands that go to the nämnd.
        Settings["Hub:Municipalities:2281:CaseTypes:va-anslutning:DiarySource"] = "platina";

        const string f = "Adapters:EdpFuture:sundsvall";
        Settings[$"{f}:Municipality"] = "2281";
        Settings[$"{f}:BaseUrl"] = $"{Future.Url}/EDPFutureWebAPI/EDPFutureWebAPI.svc";
        Settings[$"{f}:CustomerIds:0"] = CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{f}:CaseTypes:VA-anslutning"] = "va-anslutning";
        Settings[$"{f}:CaseTypes:Klagomål"] = "renhallning-klagomal";
        Settings[$"{f}:Resilience:MaxRetries"] = "0";

        const string p = "Adapters:Platina:sundsvall";
        Settings[$"{p}:Municipality"] = "2281";
        Settings[$"{p}:BaseUrl"] = $"{Platina.Url}/integration/v1/";
        Settings[$"{p}:ApiKey"] = "test-nyckel-platina";
        Settings[$"{p}:Resilience:MaxRetries"] = "0";
        Settings[$"{p}:Mapping:CaseTypes:VA-ärende"] = "va-anslutning";
        Settings[$"{p}:Outbound:Rules:0:Name"] = "future-till-namnd";
        Settings[$"{p}:Outbound:Rules:0:SourceSystems:0"] = "edp-future";
        Settings[$"{p}:Outbound:Rules:0:CaseTypes:0"] = "va-anslutning";
        Settings[$"{p}:Outbound:Rules:0:SourceStatuses:0"] = "Till nämnd";
        Settings[$"{p}:Outbound:Rules:0:Unit"] = "bmf-kansli";
    }

    public WireMockServer Future { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public WireMockServer Platina { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Future.Stop();
            Platina.Stop();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Tests.Privacy;

/// <summary>
/// Sundsvall's hub with function mailboxes, the Artvise push instance, SMTP for notification e-mail and a RabbitMQ
/// broker, logging everything of its own (IntegrationHub.*) down to Trace.
/// </summary>
public sealed class LogPrivacyHubFactory : MailboxHubFactory
{
    public LogPrivacyHubFactory()
    {
        Settings["Logging:LogLevel:IntegrationHub"] = "Trace";
        ArtvisePush.Configure(Settings);
        var (smtpHost, smtpPort) = TestServers.Smtp;
        Settings["Hub:Delivery:Email:Host"] = smtpHost;
        Settings["Hub:Delivery:Email:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Hub:Delivery:Email:Security"] = "None";
        Settings["Hub:Delivery:Email:From"] = "noreply@sundsvall.example";
        Settings["Hub:Delivery:RabbitMq:Brokers:default:Uri"] = TestServers.RabbitMq;
    }
}

/// <summary>
/// The rule: application logs hold no personnummer, names or case text (titles, descriptions, headlines, mail subjects
/// and bodies), only ids, counts, field names and rules. One scripted scenario drives as many code paths as is cheap —
/// intake (valid, duplicate, refused), the pipeline and diary, reads, push submissions (accepted and refused), function
/// mail with receipts, registrator and diary actions, webhook retries and dead letters, notification e-mail and
/// RabbitMQ — then every captured message, exception and structured value is scanned for each value used.
/// </summary>
public sealed class LogPrivacyTests(LogPrivacyHubFactory hub) : IClassFixture<LogPrivacyHubFactory>
{
    private const string Signe = "198503161237";
    private const string Hjalmar = "194711085672";
    private const string Vilgot = "201506208881";
    private const string BadLuhn = "198503161238";
    private const string BadDate = "197802293451";

    private readonly HttpClient _client = hub.CreateClient();
    private readonly string _signeEmail = $"signe.ekwall.{Guid.NewGuid():N}"[..20] + "@example.se";
    private readonly string _mailSender = MailServer.NewAddress("medborgare", "example.net");
    private readonly string _secondSender = MailServer.NewAddress("boende", "example.net");

    /// <summary>Every value that must never reach a log, with a label to show instead.</summary>
    private IEnumerable<(string Label, string Value)> Secrets()
    {
        var people = new[]
        {
            ("Signe", Signe), ("Hjalmar", Hjalmar), ("Vilgot", Vilgot), ("bad Luhn", BadLuhn), ("bad date", BadDate),
            ("Tolvan", TestEvents.Applicant), ("Artvise bad", "191212121213"),
        };
        foreach (var (who, pnr) in people)
        {
            foreach (var form in PersonnummerForms(pnr))
            {
                yield return ($"personnummer of {who}", form);
            }
        }

        foreach (var name in new[]
        {
            "Signe Ekwall-Björnberg", "Ekwall-Björnberg", "Hjalmar Östlund", "Östlund", "Vilgot", "Tolvan Tolvansson", "Tolvansson",
            "Anna Lindqvist", "Lindqvist",
        })
        {
            yield return ("a name", name);
        }

        foreach (var contact in new[] { _signeEmail, "hjalmar.ostlund@example.se", _mailSender, _secondSender, "tolvan.tolvansson@example.com", "070-987 65 43", "070-123 45 67" })
        {
            yield return ("contact details", contact);
        }

        foreach (var text in new[]
        {
            "Kvarnbacken", "växthus", "sydvästra hörnet av tomten", "grannyttrande", "Kompletterande ritning", "beviljas med villkor",
            "förskoleplats för", "Trasig gatubelysning", "lyktstolpar", "Exempelskolan", "karta-storgatan",
            "ekonomiskt bistånd", "uppsagd", "a-kassa", "Storgatan 8", "attefallshus", "Björkvägen",
            "skickade frågan två gånger", "registrerades av misstag", "stavades fel", "ringde", "ekonomiska bistånd",
        })
        {
            yield return ("case text", text);
        }
    }

    private static IEnumerable<string> PersonnummerForms(string twelve) =>
        [twelve, $"{twelve[..8]}-{twelve[8..]}", twelve[2..], $"{twelve[2..8]}-{twelve[8..]}"];

    [Fact]
    public async Task Logs_AfterAScenarioThroughEveryChannel_HoldNoPersonnummerNamesOrCaseText()
    {
        // Push subscriptions: one webhook that fails twice and then takes everything, one that says Gone (dead letter at
        // once), one that always fails (retries, then dead letters), notification e-mail and RabbitMQ.
        using var flaky = new WebhookReceiver();
        flaky.FailFirst(2);
        using var gone = new WebhookReceiver(status: 410);
        using var broken = new WebhookReceiver(status: 500);
        string[] subscriptions =
        [
            await SubscribeAsync(new { kind = "webhook", webhook = new { url = flaky.Url } }),
            await SubscribeAsync(new { kind = "webhook", webhook = new { url = gone.Url, mode = "binary" } }),
            await SubscribeAsync(new { kind = "webhook", orderPerCase = true, webhook = new { url = broken.Url } }),
            await SubscribeAsync(new { kind = "email", email = new { loginUrl = "https://minasidor.sundsvall.example" } }),
            await SubscribeAsync(new { kind = "rabbitMq", rabbitMq = new { exchange = $"ihub.logprivacy.{Guid.NewGuid():N}" } }),
        ];

        // Events through the API: a bygglov case in the SBN diary with two people, a document, a status and a decision,
        // and a preschool case about a child.
        var bygglov = new Scenario(_client, "edp-future", $"LOG-{Guid.NewGuid():N}"[..16], "bygglov");
        var opened = bygglov.Event(CaseEventTypes.Opened, "Din ansökan om bygglov har kommit in", diaryEvent: true, change: d => d with
        {
            Case = d.Case with { Title = "Bygglov för växthus på Kvarnbacken 7" },
            Event = d.Event with { Description = "Signe Ekwall-Björnberg vill bygga ett växthus i sydvästra hörnet av tomten.", Category = CustomerEventCategory.Receipt },
            Parties =
            [
                new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.Personnummer, Signe), Name = "Signe Ekwall-Björnberg", Email = _signeEmail, Phone = "070-987 65 43" },
                new Party { Role = PartyRole.CoApplicant, Identity = new PartyIdentity(IdentityType.Personnummer, Hjalmar), Name = "Hjalmar Östlund", Email = "hjalmar.ostlund@example.se" },
            ],
        });
        await bygglov.Post(
            opened,
            bygglov.Event(CaseEventTypes.DocumentRegistered, "Vi har tagit emot en kompletterande ritning", diaryEvent: true, change: d => d with
            {
                Document = Scenario.IncomingDocument("Kompletterande ritning över växthuset", "Hjalmar Östlund"),
                Event = d.Event with { Category = CustomerEventCategory.Information },
            }),
            bygglov.Event(CaseEventTypes.StatusChanged, "Vi väntar på grannyttrande från Hjalmar Östlund"),
            bygglov.Event(CaseEventTypes.Decided, "Beslut i ditt ärende", diaryEvent: true, change: d => d with
            {
                Decision = new Decision { Outcome = DecisionOutcome.Approved, DecidedAt = d.Event.OccurredAt, Summary = "Bygglov beviljas med villkor om placering mot Kvarnbacken." },
                Event = d.Event with { Category = CustomerEventCategory.Decision },
            }));
        var preschool = new Scenario(_client, "open-eplatform", $"LOG-{Guid.NewGuid():N}"[..16], "forskoleplats");
        await preschool.Post(preschool.Event(CaseEventTypes.Opened, "Din ansökan om förskoleplats har kommit in", change: d => d with
        {
            Case = d.Case with { Title = "Ansökan om förskoleplats för Vilgot Ekwall-Björnberg" },
            Parties = [new Party { Role = PartyRole.Guardian, Identity = new PartyIdentity(IdentityType.Personnummer, Signe), Name = "Signe Ekwall-Björnberg", Email = _signeEmail }],
            Concerns = new Concerns { Identity = new PartyIdentity(IdentityType.Personnummer, Vilgot) },
        }));

        // A duplicate, refused events (bad Luhn, impossible date, a batch with one bad member) and malformed JSON.
        Assert.True((await (await _client.PostEvent(TestEvents.Json(opened))).Json()).GetProperty("accepted")[0].GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostEvent(TestEvents.Json(WithApplicant(opened, BadLuhn)))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostEvent(TestEvents.Json(WithApplicant(opened, BadDate)))).StatusCode);
        var batch = await _client.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(WithApplicant(opened, Hjalmar), WithApplicant(opened, BadLuhn)), "application/cloudevents-batch+json"));
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        var malformed = Encoding.UTF8.GetBytes($$"""{"specversion":"1.0","data":{"parties":[{"name":"Signe Ekwall-Björnberg","identity":{"value":"{{Signe}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostEvent(malformed)).StatusCode);

        // Reads: the person's timeline in several spellings (and an invalid one), the case, its events, the diary.
        foreach (var pnr in new[] { Signe, $"{Signe[..8]}-{Signe[8..]}", Vilgot, BadLuhn })
        {
            await _client.GetAsync($"/api/v1/people/{pnr}/events?municipality=2281");
        }

        var caseId = await bygglov.CaseId();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(4, (await bygglov.Timeline()).Count);
        await _client.GetAsync("/api/v1/diary?municipality=2281&q=Kvarnbacken");
        var diary = (await (await _client.GetAsync("/api/v1/diary?municipality=2281&diary=SBN")).Json()).EnumerateArray()
            .Where(r => r.GetProperty("caseId").GetString() == caseId).ToList();
        Assert.True(diary.Count >= 2, "the case's registrations in the diary: the case and its documents");
        await _client.GetAsync("/api/v1/diary.csv?municipality=2281");
        await _client.GetAsync("/api/v1/statistics?municipality=2281");
        await _client.PostAsJsonAsync("/api/v1/exports/fgs", new { municipality = "2281", caseIds = new[] { caseId } });
        var annulled = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{diary[0].GetProperty("id").GetString()}/annulment",
            new { reason = "Handlingen registrerades av misstag, Signe Ekwall-Björnberg skickade den till fel nämnd", changedBy = "registrator-1" });
        Assert.True(annulled.IsSuccessStatusCode, $"the annulment: {await annulled.Content.ReadAsStringAsync()}");
        var corrected = await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{diary[^1].GetProperty("id").GetString()}/corrections", new
        {
            reason = "Avsändaren Hjalmar Östlund stavades fel", changedBy = "registrator-1", correspondent = "Hjalmar Östlund", description = "Kompletterande ritning över växthuset, rättad",
        });
        Assert.True(corrected.IsSuccessStatusCode, $"the correction: {await corrected.Content.ReadAsStringAsync()}");
        // Refused: correcting the annulled registration, a bad body.
        await _client.PostAsJsonAsync($"/api/v1/diary/registrations/{diary[0].GetProperty("id").GetString()}/corrections",
            new { reason = "Signe Ekwall-Björnberg ringde", changedBy = "registrator-1", correspondent = "Signe Ekwall-Björnberg" });
        await _client.PostAsync($"/api/v1/diary/registrations/{diary[0].GetProperty("id").GetString()}/corrections",
            Http.Body(Encoding.UTF8.GetBytes($$"""{"reason":"Signe Ekwall-Björnberg {{Signe}}","direction":"{{Signe}}"}"""), "application/json"));
        await _client.PutAsJsonAsync($"/api/v1/people/{Hjalmar}/notifications?municipality=2281", new { email = false });
        await _client.GetAsync($"/api/v1/people/{BadLuhn}/notifications?municipality=2281");

        // Push submissions: one accepted (and pushed again), refused ones with a bad personnummer and other faults.
        Assert.Equal(HttpStatusCode.Accepted, (await ArtvisePush.PushAsync(_client, hub.Clock, ArtvisePush.Sample("submission.json"))).StatusCode);
        await ArtvisePush.PushAsync(_client, hub.Clock, ArtvisePush.Sample("submission.json"));
        Assert.Equal((HttpStatusCode)422, (await ArtvisePush.PushAsync(_client, hub.Clock, ArtvisePush.Sample("submission-bad-personnummer.json"))).StatusCode);
        foreach (var refused in new[] { "submission-wrong-type.json", "submission-missing-id.json", "submission-truncated.json", "submission-bad-attachment.json" })
        {
            Assert.False((await ArtvisePush.PushAsync(_client, hub.Clock, ArtvisePush.Sample(refused))).IsSuccessStatusCode, refused);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await ArtvisePush.PushAsync(_client, hub.Clock, ArtvisePush.Sample("submission.json"), sign: false)).StatusCode);

        // Function mail: a question with a personnummer in the body, one the registrator annuls, and the kinds that take
        // other paths (an auto-reply, a bounce, an unreadable mail, S/MIME, an Outlook appeal in base64).
        await MailServer.SendAsync(MailServer.Sample("13-ekonomiskt-bistand-personnummer.eml", _mailSender, hub.Kommunen));
        await MailServer.SendAsync(MailServer.Sample("01-bygglov-fraga-utf8.eml", _secondSender, hub.Bygglov));
        foreach (var other in new[] { "07-franvaromeddelande-autosvar.eml", "08-studsat-meddelande-dsn.eml", "10-signerat-smime.eml", "16-olasbart-saknar-avsandare.eml", "18-overklagande-outlook-base64.eml" })
        {
            await MailServer.SendAsync(MailServer.Sample(other, _mailSender, hub.Kommunen), envelopeFrom: _mailSender);
        }

        var first = await WaitForInboxItemAsync(_mailSender);
        var second = await WaitForInboxItemAsync(_secondSender);
        await Eventually.True(async () => (await MailServer.MessagesAsync(hub.Kommunen)).Count == 0, "every mail to kommunen@ handled", TimeSpan.FromSeconds(60));
        var annul = await _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{second.GetProperty("sequence").GetInt64()}/annul",
            new { changedBy = "registrator-1", reason = "Anna Lindqvist skickade frågan två gånger", version = second.GetProperty("version").GetInt32() });
        Assert.True(annul.IsSuccessStatusCode, $"the annulment: {await annul.Content.ReadAsStringAsync()}");
        var restrict = await _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{first.GetProperty("sequence").GetInt64()}/restriction", new
        {
            changedBy = "registrator-1", type = "Sekretess", legalReference = "OSL 26 kap. 1 §",
            explanation = "Uppgifter om Tolvan Tolvanssons ekonomiska bistånd", version = first.GetProperty("version").GetInt32(),
        });
        Assert.True(restrict.IsSuccessStatusCode, $"the restriction: {await restrict.Content.ReadAsStringAsync()}");
        // Refused actions: a stale version, an unknown case type, nobody acting.
        await _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{second.GetProperty("sequence").GetInt64()}/annul",
            new { changedBy = "registrator-1", reason = "Anna Lindqvist skickade frågan två gånger", version = 1 });
        await _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{first.GetProperty("sequence").GetInt64()}/reclassify",
            new { changedBy = "registrator-1", caseType = "ekonomiskt bistånd för Tolvansson", version = first.GetProperty("version").GetInt32() + 1 });
        await _client.PostAsJsonAsync($"/api/v1/registrator/inbox/{first.GetProperty("sequence").GetInt64()}/confirm", new { version = 2 });
        await MailServer.WaitForAsync(_mailSender, m => m.Subject?.StartsWith("Mottagningsbekräftelse", StringComparison.Ordinal) == true, "the receipt");

        // Every subscription done with every event: delivered, skipped or dead-lettered, and the dead letters logged.
        var total = (await (await _client.GetAsync("/api/v1/events?after=0&limit=1000")).Json()).GetProperty("items").GetArrayLength();
        foreach (var id in subscriptions)
        {
            await Eventually.True(async () => Settled(await (await _client.GetAsync($"/api/v1/subscriptions/{id}/delivery")).Json(), total),
                $"subscription {id} to finish with all {total} events", TimeSpan.FromSeconds(60));
        }

        Assert.True(flaky.Requests.Count > total, "the flaky receiver failed some requests, so retries were logged");
        await Eventually.True(() => Task.FromResult(hub.Logs.Lines.Count(l => l.Contains("dead-lettered", StringComparison.Ordinal)) >= 2 * total),
            "the dead letters of the Gone and the broken receiver in the log");

        AssertNoPersonalData();
    }

    private void AssertNoPersonalData()
    {
        var entries = hub.Logs.Entries.ToList();
        Assert.Contains(entries, e => e.Level <= LogLevel.Debug && e.Category.StartsWith("IntegrationHub.", StringComparison.Ordinal));
        var leaks = LogScan.Leaks(entries, Secrets().ToList());
        Assert.True(leaks.Count == 0, $"{leaks.Count} log text(s) carry personal data or case text:\n" + string.Join("\n", leaks.Take(40)));
    }

    private static bool Settled(JsonElement status, int total)
    {
        var counts = status.GetProperty("counts");
        return counts.GetProperty("pending").GetInt64() == 0 && counts.GetProperty("failing").GetInt64() == 0
            && counts.GetProperty("delivered").GetInt64() + counts.GetProperty("skipped").GetInt64() + counts.GetProperty("deadLettered").GetInt64() >= total;
    }

    private static CaseEvent WithApplicant(CaseEvent e, string personnummer) => e with
    {
        Id = Guid.NewGuid().ToString(),
        Data = e.Data with { Parties = [e.Data.Parties![0] with { Identity = new PartyIdentity(IdentityType.Personnummer, personnummer) }] },
    };

    private async Task<string> SubscribeAsync(object channel)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/subscriptions", new
        {
            municipality = "2281", name = "Loggtest", filter = new { classificationCeiling = "restricted" }, startFrom = "beginning", channel,
        });
        var body = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Subscribing failed: {body}");
        return body.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitForInboxItemAsync(string sender)
    {
        JsonElement found = default;
        await Eventually.True(async () =>
        {
            var page = await (await _client.GetAsync("/api/v1/registrator/inbox?municipality=2281&state=all&limit=1000")).Json();
            var hits = page.GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("sender", out var s) && s.TryGetProperty("email", out var e) && e.GetString() == sender).ToList();
            found = hits.FirstOrDefault();
            return hits.Count > 0;
        }, $"the mail from {sender} in the registrator's inbox");
        return found;
    }
}

/// <summary>The scan itself: it finds a value in a message, a structured value or a scope, and never prints the value.</summary>
public sealed class LogScanTests
{
    [Fact]
    public void LogScan_FindsAValueInAnyPartOfAnEntry_AndShowsItMasked()
    {
        var secrets = new[] { ("personnummer of Signe", "19850316-1237"), ("a name", "Signe Ekwall-Björnberg"), ("a name", "Ekwall-Björnberg") };
        CapturedLog[] entries =
        [
            new(LogLevel.Information, "IntegrationHub.Clean", "Event 7 correlated to case 42", null, [new("Sequence", "7")], []),
            new(LogLevel.Debug, "IntegrationHub.Leaky", "Registered event 8", null, [new("Applicant", "signe ekwall-björnberg (19850316-1237)")], []),
            new(LogLevel.Warning, "Microsoft.AspNetCore.Hosting.Diagnostics", "Request failed", null, [], ["RequestPath:/api/v1/people/19850316-1237/events"]),
        ];

        var leaks = LogScan.Leaks(entries, secrets);

        Assert.Equal(
        [
            "Debug IntegrationHub.Leaky (state Applicant) has personnummer of Signe, a name: [a name] ([personnummer of Signe])",
            "Warning Microsoft.AspNetCore.Hosting.Diagnostics (scope) has personnummer of Signe: RequestPath:/api/v1/people/[personnummer of Signe]/events",
        ], leaks);
    }
}

/// <summary>Finds the given values in captured log entries and describes each hit with the values masked.</summary>
internal static class LogScan
{
    /// <summary>One line per text of an entry that holds a value (case-insensitively): level, category, where, which kinds, the text masked.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<CapturedLog> entries, IReadOnlyList<(string Label, string Value)> secrets)
    {
        var leaks = new List<string>();
        foreach (var entry in entries)
        {
            foreach (var (where, text) in entry.Texts())
            {
                var found = secrets.Where(s => text.Contains(s.Value, StringComparison.OrdinalIgnoreCase)).Select(s => s.Label).Distinct().ToList();
                if (found.Count > 0)
                {
                    leaks.Add($"{entry.Level} {entry.Category} ({where}) has {string.Join(", ", found)}: {Masked(text, secrets)}");
                }
            }
        }

        return [.. leaks.Distinct()];
    }

    private static string Masked(string text, IEnumerable<(string Label, string Value)> secrets)
    {
        // Longest first, so that a full name is masked as a whole before its surname.
        foreach (var (label, value) in secrets.OrderByDescending(s => s.Value.Length))
        {
            text = text.Replace(value, $"[{label}]", StringComparison.OrdinalIgnoreCase);
        }

        return text.Length > 600 ? text[..600] + "…" : text;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Pages;

/// <summary>Seeds the registrator's inbox with mail to a function mailbox and reads it back through the JSON API.</summary>
public sealed class InboxApi(HttpClient client)
{
    public const string Mailbox = "kommunen@sundsvall.example";

    private static readonly DateTimeOffset MailDate = new(2026, 3, 9, 10, 42, 15, TimeSpan.FromHours(1));

    /// <summary>
    /// Mail that the mailbox adapter registered on its own and asks the registrator to review (as in
    /// schemas/sambruk-case-event/v1/examples/valid/opened--funktionsbrevlada.json); opens a case of its own.
    /// </summary>
    public static CaseEvent Mail(
        string subject, Correspondent? sender, IReadOnlyList<ReviewReason> reasons,
        string caseType = "bygglov", OrganisationRef? unit = null, string? routing = null, string? note = null)
    {
        var id = $"mail-{Guid.NewGuid():N}";
        var original = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return new CaseEvent
        {
            Id = id,
            Source = "urn:integrationhub:mailbox:2281",
            Type = CaseEventTypes.Opened,
            Time = MailDate.AddSeconds(2),
            Subject = $"mailbox/{id}",
            Municipality = TestEvents.Municipality,
            DataClassification = DataClassification.Confidential,
            DataSchema = CaseEventAttributes.SchemaV1,
            Data = new CaseEventData
            {
                Case = new CaseRef
                {
                    SourceSystem = "mailbox",
                    SourceCaseId = id,
                    Title = subject,
                    CaseType = caseType,
                    Unit = unit ?? new OrganisationRef("bygglov", "Bygglovsenheten"),
                },
                Event = new EventDetails
                {
                    Headline = "Ditt e-postmeddelande har kommit in",
                    OccurredAt = MailDate,
                    IsDiaryEvent = true,
                    Category = CustomerEventCategory.Receipt,
                },
                Document = new Document
                {
                    DocumentId = $"{id}@example.com",
                    Direction = DocumentDirection.Incoming,
                    Title = subject,
                    DocumentType = "E-post",
                    Date = MailDate,
                    Sender = sender,
                    Recipients = [new Correspondent { Email = Mailbox }],
                    Attachments = [new Attachment("meddelande.eml", "message/rfc822", 3172, original, $"/api/v1/contents/{original}")],
                },
                Review = new Canonical.Model.Review
                {
                    Reasons = reasons,
                    ReceivedVia = Mailbox,
                    Routing = routing ?? "rule 'bygglov': subject keyword 'bygglov'",
                    Note = note,
                },
            },
        };
    }

    /// <summary>Posts the mail and waits until the inbox lists it (the pipeline registers it in the diary first); its sequence.</summary>
    public async Task<long> SeedAsync(CaseEvent mail)
    {
        var response = await client.PostEvent(TestEvents.Json(mail));
        var body = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"The hub refused the mail: {body}");
        var sequence = body.GetProperty("accepted")[0].GetProperty("sequence").GetInt64();
        await Eventually.True(async () =>
        {
            var page = await (await client.GetAsync($"/api/v1/registrator/inbox?municipality=2281&state=all&limit=200")).Json();
            return page.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("sequence").GetInt64() == sequence);
        }, $"the inbox to list event {sequence}", TimeSpan.FromSeconds(60));
        return sequence;
    }

    /// <summary>GET /api/v1/registrator/inbox/{sequence}: <c>{ item, actions }</c>.</summary>
    public async Task<JsonElement> GetAsync(long sequence)
    {
        var response = await client.GetAsync($"/api/v1/registrator/inbox/{sequence}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    /// <summary>POST /api/v1/registrator/inbox/{sequence}/{action}, as another registrator would, expecting success.</summary>
    public async Task<JsonElement> ActAsync(long sequence, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/registrator/inbox/{sequence}/{action}", body);
        var json = await response.Json();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} failed: {json}");
        return json;
    }

    /// <summary>A time as the page shows it: Swedish local time, yyyy-MM-dd HH:mm.</summary>
    public static string SwedishTime(string iso)
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        return TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture), stockholm)
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.Hub.Tests.Pages;

/// <summary>
/// The registrator's inbox page in a real browser against a real hub: mail to the function mailbox is listed with its
/// numbers and flags, and every action taken in the page lands in the hub (checked through the API too).
/// </summary>
public sealed class RegistratorPageTests(RegistratorPageFixture hub) : IClassFixture<RegistratorPageFixture>
{
    private static readonly Correspondent Marta = new() { Name = "Märta Öhman", Email = "marta.ohman@example.com" };
    private static readonly Correspondent Sven = new() { Name = "Sven Ågren", Email = "sven.agren@example.com" };
    private static readonly ReviewReason[] AutoRegistered = [ReviewReason.AutoRegistered];

    private static JsonElement Item(JsonElement details) => details.GetProperty("item");

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    [Fact]
    public async Task Page_ListsTheMail_WithDiarienummerSenderSwedishSubjectAndFlags()
    {
        const string personal = "Ansökan om bygglov för förråd på Ödmårdsvägen 7 – personnummer i brevet";
        const string unreadable = "Oläst e-postmeddelande till kommunen@sundsvall.example (åäö ÅÄÖ)";
        const string markup = "<img src=x onerror=\"document.body.dataset.hacked='yes'\"> Erbjudande & <b>rabatt</b>";
        var personalSequence = await hub.Inbox.SeedAsync(InboxApi.Mail(personal, Marta, [ReviewReason.AutoRegistered, ReviewReason.PersonalData]));
        var unreadableSequence = await hub.Inbox.SeedAsync(InboxApi.Mail(unreadable, null, [ReviewReason.AutoRegistered, ReviewReason.Unparseable],
            caseType: "allmant", unit: new OrganisationRef("registrator", "Registratur"), routing: "the mailbox's default",
            note: "Meddelandet saknar avsändare (From). Originalet finns bifogat."));
        await hub.Inbox.SeedAsync(InboxApi.Mail(markup, Sven, AutoRegistered));
        var item = Item(await hub.Inbox.GetAsync(personalSequence));
        Assert.Matches("^KS 2026/[0-9]+$", Text(item, "diarienummer"));

        await using var session = await hub.OpenAsync("?municipality=2281");

        Assert.Equal("no-store", session.Response!.Headers["cache-control"]);
        await Expect(session.Page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Registratorns inkorg", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(session.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Diarienummer" })).ToBeVisibleAsync();

        var row = session.Row(personal);
        await Expect(row.Locator(".c-dnr .dnr")).ToHaveTextAsync(Text(item, "diarienummer"));
        await Expect(row.Locator(".c-dnr .sub")).ToHaveTextAsync($"löpnr {item.GetProperty("documentNumber").GetInt32()}");
        await Expect(row.Locator(".c-received")).ToHaveTextAsync(InboxApi.SwedishTime(Text(item, "receivedAt")));
        await Expect(row.Locator(".c-sender")).ToContainTextAsync("Märta Öhman");
        await Expect(row.Locator(".c-sender")).ToContainTextAsync("marta.ohman@example.com");
        await Expect(row.Locator(".c-subject")).ToHaveTextAsync(personal);
        await Expect(row.Locator(".c-unit")).ToContainTextAsync("Bygglovsenheten");
        await Expect(row.Locator(".c-unit")).ToContainTextAsync("bygglov");
        await Expect(row.Locator(".c-routing")).ToHaveTextAsync("rule 'bygglov': subject keyword 'bygglov'");
        await Expect(row.Locator(".c-flags .badge")).ToHaveTextAsync(["Personuppgifter"]);
        await Expect(row.Locator(".c-state")).ToHaveTextAsync("Att granska");

        var unreadableRow = session.Row(unreadable);
        await Expect(unreadableRow.Locator(".c-flags .badge")).ToHaveTextAsync(["Kunde inte läsas"]);
        await Expect(unreadableRow.Locator(".c-sender")).ToHaveTextAsync("Avsändare saknas");
        await Expect(unreadableRow.Locator(".c-unit")).ToContainTextAsync("Registratur");

        // Untrusted text stays text: no element from the subject, no script ran.
        var markupRow = session.Row(markup);
        await Expect(markupRow.Locator(".c-subject")).ToHaveTextAsync(markup);
        await Expect(markupRow.Locator("img, b")).ToHaveCountAsync(0);
        await Expect(markupRow.Locator(".c-flags .badge")).ToHaveCountAsync(0);
        Assert.Null(await session.Page.Locator("body").GetAttributeAsync("data-hacked"));

        // The detail panel shows every field, the attachment as a link to its reference and the note.
        await session.OpenItemAsync(unreadable, changedBy: null);
        await Expect(session.DetailField("receivedVia")).ToHaveTextAsync(InboxApi.Mailbox);
        await Expect(session.DetailField("note")).ToHaveTextAsync("Meddelandet saknar avsändare (From). Originalet finns bifogat.");
        await Expect(session.DetailField("reasons")).ToHaveTextAsync("Automatiskt registrerad, Kunde inte läsas");
        var attachment = Item(await hub.Inbox.GetAsync(unreadableSequence)).GetProperty("attachments")[0];
        var link = session.Page.Locator("#attachments").GetByRole(AriaRole.Link, new() { Name = "meddelande.eml" });
        await Expect(link).ToHaveAttributeAsync("href", new Uri(hub.Host.BaseAddress, Text(attachment, "reference")).ToString());
        await Expect(session.Page.Locator("#history-empty")).ToHaveTextAsync("Inga åtgärder ännu.");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Confirm_ChangesTheRowsState_AndTheHistoryShowsWho()
    {
        const string subject = "Fråga om bygglov för garage på Åsvägen";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Marta, AutoRegistered));
        await using var session = await hub.OpenAsync("?municipality=2281");

        await session.OpenItemAsync(subject, changedBy: "Registrator Eva Ek");
        await session.Button("Bekräfta").ClickAsync();

        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Bekräftad");
        await Expect(session.Page.Locator("#status")).ToHaveTextAsync("Registreringen är bekräftad.");
        var history = session.Page.Locator("#history tr");
        await Expect(history).ToHaveCountAsync(1);
        await Expect(history.Locator(".actor")).ToHaveTextAsync("Registrator Eva Ek");
        await Expect(history.Locator(".action-name")).ToHaveTextAsync("Bekräftad");
        await Expect(session.DetailField("decided")).ToContainTextAsync("Registrator Eva Ek");
        await Expect(session.Button("Bekräfta")).ToBeHiddenAsync();

        var details = await hub.Inbox.GetAsync(sequence);
        Assert.Equal("confirmed", Text(Item(details), "state"));
        Assert.Equal("Registrator Eva Ek", Text(Item(details), "decidedBy"));
        Assert.Equal(2, Item(details).GetProperty("version").GetInt32());
        var action = Assert.Single(details.GetProperty("actions").EnumerateArray());
        Assert.Equal(("confirm", "Registrator Eva Ek"), (Text(action, "action"), Text(action, "actor")));

        // "Vem är du?" is remembered for the next visit.
        await session.Page.ReloadAsync();
        await Expect(session.Page.GetByLabel("Vem är du?")).ToHaveValueAsync("Registrator Eva Ek");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Annul_WithoutAReason_ShowsTheFieldErrorAndChangesNothing_WithAReason_Annuls()
    {
        const string subject = "Reklam: bästa erbjudandet på värmepumpar i Sundsvall";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Sven, AutoRegistered));
        await using var session = await hub.OpenAsync("?municipality=2281");
        await session.OpenItemAsync(subject);

        var rejected = await session.Page.RunAndWaitForResponseAsync(
            () => session.Button("Makulera").ClickAsync(), r => r.Url.EndsWith($"/inbox/{sequence}/annul", StringComparison.Ordinal));
        Assert.Equal(400, rejected.Status);
        var error = session.Page.Locator("#annul-reason-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync("Ange varför registreringen makuleras, t.ex. ”Ringa betydelse: reklam”.");
        await Expect(session.Page.GetByLabel("Skäl (krävs)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.GetByLabel("Skäl (krävs)")).ToBeFocusedAsync();
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Att granska");
        var untouched = await hub.Inbox.GetAsync(sequence);
        Assert.Equal(("pending", 1), (Text(Item(untouched), "state"), Item(untouched).GetProperty("version").GetInt32()));
        Assert.Empty(untouched.GetProperty("actions").EnumerateArray());

        await session.Page.GetByLabel("Skäl (krävs)").FillAsync("Ringa betydelse: reklam");
        await session.Button("Makulera").ClickAsync();

        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Makulerad");
        await Expect(error).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#history tr .action-name")).ToHaveTextAsync(["Makulerad"]);
        await Expect(session.Page.Locator("#history tr")).ToContainTextAsync("Skäl: Ringa betydelse: reklam");
        var annulled = await hub.Inbox.GetAsync(sequence);
        Assert.Equal("annulled", Text(Item(annulled), "state"));
        var action = Assert.Single(annulled.GetProperty("actions").EnumerateArray());
        Assert.Equal("Ringa betydelse: reklam", Text(action.GetProperty("details"), "reason"));
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Link_ToAnExistingCaseByItsDiarienummer_ShowsTheNewDiarienummerAndState()
    {
        var existing = new Scenario(hub.Client, "platina", $"KS-{Guid.NewGuid():N}", "allmant");
        await existing.Post(existing.Event(CaseEventTypes.Opened, "Ditt ärende om Norra kajen har registrerats", diaryEvent: true));
        var target = (await existing.Details()).GetProperty("case");
        var diarienummer = target.GetProperty("diarienummer").GetProperty("value").GetString()!;
        const string subject = "Synpunkter på detaljplanen för Norra kajen";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Marta, AutoRegistered));
        var own = Text(Item(await hub.Inbox.GetAsync(sequence)), "diarienummer");
        Assert.NotEqual(diarienummer, own);

        await using var session = await hub.OpenAsync("?municipality=2281");
        await session.OpenItemAsync(subject);
        await session.Page.GetByLabel("Ärendets diarienummer").FillAsync(diarienummer);
        await session.Button("Koppla till ärendet").ClickAsync();

        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Kopplad");
        await Expect(session.Row(subject).Locator(".c-dnr .dnr")).ToHaveTextAsync(diarienummer);
        await Expect(session.DetailField("diarienummer")).ToHaveTextAsync(diarienummer);
        await Expect(session.DetailField("linkedCaseId")).ToHaveTextAsync(Text(target, "id"));
        await Expect(session.Page.Locator("#history tr .action-name")).ToHaveTextAsync(["Kopplad till befintligt ärende"]);

        var item = Item(await hub.Inbox.GetAsync(sequence));
        Assert.Equal("linked", Text(item, "state"));
        Assert.Equal(diarienummer, Text(item, "diarienummer"));
        Assert.Equal(Text(target, "id"), Text(item, "linkedCaseId"));
        await Expect(session.DetailField("documentNumber")).ToHaveTextAsync(item.GetProperty("documentNumber").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Restriction_ShowsTheSekretessmarkeradBadge_AndTheHubRecordsIt()
    {
        const string subject = "Uppgifter om min hälsa inför bygglovet";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Marta, [ReviewReason.AutoRegistered, ReviewReason.SuspectedSecrecy]));
        await using var session = await hub.OpenAsync("?municipality=2281");
        await Expect(session.Row(subject).Locator(".c-flags .badge")).ToHaveTextAsync(["Misstänkt sekretess"]);
        await session.OpenItemAsync(subject);

        await session.Page.GetByLabel("Typ", new() { Exact = true }).SelectOptionAsync("Sekretess");
        await session.Page.GetByLabel("Lagrum").FillAsync("OSL 26 kap. 1 §");
        await session.Page.GetByLabel("Förklaring").FillAsync("Uppgifter om hälsa");
        await session.Button("Sekretessmarkera").ClickAsync();

        await Expect(session.Row(subject).Locator(".c-flags .badge")).ToHaveTextAsync(["Misstänkt sekretess", "Sekretessmarkerad"]);
        await Expect(session.Page.Locator("#detail-badges .badge-restricted")).ToHaveTextAsync("Sekretessmarkerad");
        await Expect(session.DetailField("restricted")).ToHaveTextAsync("Ja");
        await Expect(session.Page.Locator("#history tr")).ToContainTextAsync("Lagrum: OSL 26 kap. 1 §");
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Att granska");

        var details = await hub.Inbox.GetAsync(sequence);
        Assert.True(Item(details).GetProperty("restricted").GetBoolean());
        var action = Assert.Single(details.GetProperty("actions").EnumerateArray());
        Assert.Equal("restrict", Text(action, "action"));
        Assert.Equal(("Sekretess", "OSL 26 kap. 1 §"), (Text(action.GetProperty("details"), "type"), Text(action.GetProperty("details"), "legalReference")));
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ChangeUnit_TheRowShowsTheNewUnit()
    {
        const string subject = "Klagomål på nedskräpning vid Sidsjön";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Sven, AutoRegistered));
        await using var session = await hub.OpenAsync("?municipality=2281");
        await session.OpenItemAsync(subject);

        await session.Page.GetByLabel("Enhetens id").FillAsync("miljo");
        await session.Page.GetByLabel("Enhetens namn").FillAsync("Miljöenheten");
        await session.Button("Ändra enhet/ärendetyp").ClickAsync();

        await Expect(session.Row(subject).Locator(".c-unit .unit")).ToHaveTextAsync("Miljöenheten");
        await Expect(session.DetailField("unit")).ToHaveTextAsync("Miljöenheten (miljo)");
        await Expect(session.Page.Locator("#history tr .action-name")).ToHaveTextAsync(["Ändrad enhet/ärendetyp"]);
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Att granska");

        var item = Item(await hub.Inbox.GetAsync(sequence));
        Assert.Equal(("miljo", "Miljöenheten"), (Text(item.GetProperty("unit"), "id"), Text(item.GetProperty("unit"), "name")));
        Assert.Equal("bygglov", Text(item, "caseType"));

        // The unit filter now finds it under its new unit.
        await session.Page.GetByLabel("Enhet", new() { Exact = true }).FillAsync("miljo");
        await session.Button("Visa").ClickAsync();
        await Expect(session.Page.Locator("#rows tr")).ToHaveCountAsync(1);
        await Expect(session.Row(subject)).ToBeVisibleAsync();
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task English_WithLangEn_HeadingsAndButtonsAreEnglish_AndTheSwitchGoesBack()
    {
        const string subject = "Bygglov för altan – fråga från Märta";
        await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Marta, [ReviewReason.AutoRegistered, ReviewReason.PersonalData]));
        await using var session = await hub.OpenAsync("?municipality=2281&lang=en");

        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Registrator's inbox", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Incoming documents" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Received" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Columnheader, new() { Name = "Subject" })).ToBeVisibleAsync();
        await Expect(session.Button("Show")).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Who are you?")).ToBeVisibleAsync();
        await Expect(session.Row(subject).Locator(".c-flags .badge")).ToHaveTextAsync(["Personal data"]);
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("To review");

        await session.OpenItemAsync(subject);
        foreach (var button in new[] { "Confirm", "Change unit/case type", "Link to the case", "Annul", "Mark as confidential", "Close" })
        {
            await Expect(session.Button(button)).ToBeVisibleAsync();
        }

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();

        await session.Button("På svenska").ClickAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Registratorns inkorg", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Button("Bekräfta")).ToBeVisibleAsync();
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Att granska");
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task StaleVersion_ShowsTheConflict_ReloadsTheItem_AndTheNextTrySucceeds()
    {
        const string subject = "Ansökan om försörjningsstöd skickad till fel brevlåda";
        var sequence = await hub.Inbox.SeedAsync(InboxApi.Mail(subject, Marta, AutoRegistered));
        await using var session = await hub.OpenAsync("?municipality=2281");
        await session.OpenItemAsync(subject, changedBy: "Registrator Eva Ek");
        await Expect(session.DetailField("version")).ToHaveTextAsync("1");

        // Another registrator routes it to another unit behind the page's back.
        await hub.Inbox.ActAsync(sequence, "reclassify", new { changedBy = "Registrator Olle Berg", unit = new { id = "socialtjansten", name = "Socialtjänsten" }, version = 1 });

        var conflict = await session.Page.RunAndWaitForResponseAsync(
            () => session.Button("Bekräfta").ClickAsync(), r => r.Url.EndsWith($"/inbox/{sequence}/confirm", StringComparison.Ordinal));
        Assert.Equal(409, conflict.Status);
        var message = session.Page.Locator("#detail-message");
        await Expect(message).ToContainTextAsync("Någon annan hann ändra handlingen");
        await Expect(message).ToContainTextAsync("The item is at version 2, not 1");
        await Expect(session.DetailField("version")).ToHaveTextAsync("2");
        await Expect(session.DetailField("unit")).ToHaveTextAsync("Socialtjänsten (socialtjansten)");
        await Expect(session.Row(subject).Locator(".c-unit .unit")).ToHaveTextAsync("Socialtjänsten");
        await Expect(session.Page.Locator("#history tr .actor")).ToHaveTextAsync(["Registrator Olle Berg"]);
        var unchanged = Item(await hub.Inbox.GetAsync(sequence));
        Assert.Equal(("pending", 2), (Text(unchanged, "state"), unchanged.GetProperty("version").GetInt32()));

        await session.Button("Bekräfta").ClickAsync();
        await Expect(session.Row(subject).Locator(".c-state")).ToHaveTextAsync("Bekräftad");
        var confirmed = await hub.Inbox.GetAsync(sequence);
        Assert.Equal(("confirmed", 3), (Text(Item(confirmed), "state"), Item(confirmed).GetProperty("version").GetInt32()));
        Assert.Equal(["Registrator Olle Berg", "Registrator Eva Ek"], confirmed.GetProperty("actions").EnumerateArray().Select(a => Text(a, "actor")));
        session.AssertNoScriptErrors();
    }
}

using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Email;

public sealed class EmailRecipientsTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private EmailHarness _email = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _email = await EmailHarness.StartAsync(Ct);

    public Task DisposeAsync() => _email.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Email_EachActingParty_GetsAMessageOfItsOwnAndNeverSeesAnothersAddress()
    {
        Party[] parties =
        [
            TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212"),
            TestPeople.Party(PartyRole.CoApplicant, "Hans Provmann", "19800417"),
            TestPeople.Party(PartyRole.Representative, "Ombudet Olsson", "19700101"),
            TestPeople.Party(PartyRole.Guardian, "Vårdnadshavaren Vik", "19750505"),
            TestPeople.Party(PartyRole.Complainant, "Klaganden Karlsson", "19650303"),
        ];

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(EmailHarness.Application(parties), Ct));

        foreach (var party in parties)
        {
            var message = Assert.Single(await Mailbox.WaitForAsync(party.Email!, 1, Ct));
            Assert.Equal([party.Email!], message.To.Mailboxes.Select(m => m.Address));
            Assert.Empty(message.Cc);
            Assert.Empty(message.Bcc);
            var raw = message.ToString();
            foreach (var other in parties.Where(p => p != party))
            {
                Assert.DoesNotContain(other.Email!, raw, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Email_ProtectedOptedOutUnidentifiedAndNonActingParties_GetNothing()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var protectedCoApplicant = TestPeople.Party(PartyRole.CoApplicant, "Karl Prov", "19901212", protectedIdentity: true);
        var optedOut = TestPeople.Party(PartyRole.CoApplicant, "Hans Provmann", "19800417");
        var withoutIdentity = TestPeople.Party(PartyRole.Representative, "Ombudet Olsson", "19700101") with { Identity = null };
        var neighbour = TestPeople.Party(PartyRole.Stakeholder, "Grannen Gren", "19600606");
        var owner = TestPeople.Party(PartyRole.PropertyOwner, "Ägaren Ek", "19550707");
        var contact = TestPeople.Party(PartyRole.Contact, "Kontakten Krans", "19880808");
        await _email.Store.Preferences.SetOptedOutAsync("2281", optedOut.Identity!, optedOut: true, _email.Clock.GetUtcNow(), Ct);

        var outcome = await _email.DeliverAsync(EmailHarness.Application(applicant, protectedCoApplicant, optedOut, withoutIdentity, neighbour, owner, contact), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Single(await Mailbox.WaitForAsync(applicant.Email!, 1, Ct));
        // Sent in one SMTP session in turn: had any of these been sent, it would have arrived with the applicant's.
        foreach (var nobody in new[] { protectedCoApplicant, optedOut, withoutIdentity, neighbour, owner, contact })
        {
            Assert.Empty(await Mailbox.ReadAsync(nobody.Email!, Ct));
        }
    }

    [Fact]
    public async Task Email_OptOutTakenBack_GetsNotifiedAgain()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        await _email.Store.Preferences.SetOptedOutAsync("2281", applicant.Identity!, optedOut: true, _email.Clock.GetUtcNow(), Ct);
        await _email.Store.Preferences.SetOptedOutAsync("2281", applicant.Identity!, optedOut: false, _email.Clock.GetUtcNow(), Ct);

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(EmailHarness.Application(applicant), Ct));

        Assert.Single(await Mailbox.WaitForAsync(applicant.Email!, 1, Ct));
    }

    [Fact]
    public async Task Email_PartyMarkedProtectedInAnotherRoleOfTheCase_GetsNothing()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var coApplicant = TestPeople.Party(PartyRole.CoApplicant, "Hans Provmann", "19800417");
        // The same person, as the property owner, has skyddade personuppgifter.
        var asOwner = applicant with { Role = PartyRole.PropertyOwner, Email = null, ProtectedIdentity = true };

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(EmailHarness.Application(applicant, coApplicant, asOwner), Ct));

        Assert.Single(await Mailbox.WaitForAsync(coApplicant.Email!, 1, Ct));
        Assert.Empty(await Mailbox.ReadAsync(applicant.Email!, Ct));
    }

    [Fact]
    public async Task Email_PartyMarkedProtectedByALaterEvent_GetsNothingFromThenOn()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var coApplicant = TestPeople.Party(PartyRole.CoApplicant, "Hans Provmann", "19800417");
        var opened = EmailHarness.Application(applicant, coApplicant);
        await _email.Store.IngestAsync(opened, Ct);
        var later = Later(opened, "-skyddad", applicant with { ProtectedIdentity = true, Email = null });

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(later, Ct));

        Assert.Single(await Mailbox.WaitForAsync(coApplicant.Email!, 1, Ct));
        Assert.Empty(await Mailbox.ReadAsync(applicant.Email!, Ct));
    }

    [Fact]
    public async Task Email_AddressChangedByALaterEvent_GoesToTheNewAddressOnly()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var moved = applicant with { Email = Mailbox.NewAddress("tolvan") };
        var opened = EmailHarness.Application(applicant);
        await _email.Store.IngestAsync(opened, Ct);

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(Later(opened, "-ny-adress", moved), Ct));

        Assert.Single(await Mailbox.WaitForAsync(moved.Email!, 1, Ct));
        Assert.Empty(await Mailbox.ReadAsync(applicant.Email!, Ct));
    }

    [Fact]
    public async Task Email_PartyNamedAgainWithoutAnAddress_KeepsTheAddressTheCaseRegistered()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var opened = EmailHarness.Application(applicant);
        await _email.Store.IngestAsync(opened, Ct);

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(Later(opened, "-utan-adress", applicant with { Email = null }), Ct));

        Assert.Single(await Mailbox.WaitForAsync(applicant.Email!, 1, Ct));
    }

    [Fact]
    public async Task Email_TwoPartiesSharingAnAddress_GetOneMessage()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var spouse = TestPeople.Party(PartyRole.CoApplicant, "Tolva Tolvansson", "19830203") with { Email = applicant.Email!.ToUpperInvariant() };

        Assert.Equal(DeliveryOutcome.Delivered, await _email.DeliverAsync(EmailHarness.Application(applicant, spouse), Ct));

        // Wait for a second message a while, to be sure none comes.
        await Assert.ThrowsAsync<TimeoutException>(() => Eventually.True(
            async () => (await Mailbox.ReadAsync(applicant.Email, Ct)).Count >= 2, "a second message", TimeSpan.FromSeconds(2), Ct));
        Assert.Single(await Mailbox.ReadAsync(applicant.Email, Ct));
    }

    /// <summary>A later status event of the same case that names only these parties.</summary>
    private static CaseEvent Later(CaseEvent opened, string idSuffix, params Party[] parties) => opened with
    {
        Id = opened.Id + idSuffix,
        Type = CaseEventTypes.StatusChanged,
        Time = opened.Time.AddDays(3),
        Data = opened.Data with
        {
            Event = opened.Data.Event with { Headline = "Din ansökan handläggs nu", OccurredAt = opened.Data.Event.OccurredAt.AddDays(3), IsDiaryEvent = false },
            Document = null,
            Parties = parties,
        },
    };
}

using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Email;

public sealed class EmailSkipTests : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private EmailHarness _email = null!;

    private CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => _email = await EmailHarness.StartAsync(Ct);

    public Task DisposeAsync() => _email.DisposeAsync().AsTask();

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Email_EventWithoutAMinaArendenCategory_IsSkippedAsNothingToSend()
    {
        var applicant = TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212");
        var deadline = Examples.Load(Examples.ServicePromisePassed);
        Assert.Null(deadline.Data.Event.Category);
        // The case has an applicant with an address, so only the missing category keeps the mail back.
        var application = EmailHarness.Application(applicant);
        await _email.Store.IngestAsync(application with { Data = application.Data with { Case = deadline.Data.Case } }, Ct);

        var outcome = await _email.DeliverAsync(deadline, Ct);

        Assert.True(outcome.Succeeded);
        Assert.True(outcome.Skipped);
        Assert.False(outcome.Permanent);
        Assert.Contains("Mina ärenden category", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(await Mailbox.ReadAsync(applicant.Email!, Ct));
    }

    [Fact]
    public async Task Email_CaseWithoutAnyoneToNotify_IsSkippedAsNothingToSend()
    {
        var neighbour = TestPeople.Party(PartyRole.Stakeholder, "Grannen Gren", "19600606");

        var outcome = await _email.DeliverAsync(EmailHarness.Application(neighbour), Ct);

        Assert.True(outcome.Succeeded);
        Assert.True(outcome.Skipped);
        Assert.Contains("No party of the case", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_EventOfNoCase_IsSkippedAsNothingToSend()
    {
        var request = await _email.RequestAsync(EmailHarness.Application(TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212")), Ct);

        var outcome = await _email.Channel.DeliverAsync(request with { Case = null }, Ct);

        Assert.True(outcome.Skipped);
        Assert.Contains("no case", outcome.Error, StringComparison.Ordinal);
    }
}

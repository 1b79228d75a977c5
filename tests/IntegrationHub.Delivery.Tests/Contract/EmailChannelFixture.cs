using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Contract;

/// <summary>
/// The notification e-mail channel; the receivers are the INBOXes of the case's applicant and co-applicant, fresh
/// addresses of this test's own. Unreachable: the SMTP server's port refuses connections.
/// </summary>
public sealed class EmailChannelFixture : IDeliveryChannelFixture
{
    private readonly List<string> _recipients = [];
    private EmailHarness? _harness;

    private EmailHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    public IDeliveryChannel Channel => Harness.Channel;

    public async Task InitializeAsync(CancellationToken cancellationToken) => _harness = await EmailHarness.StartAsync(cancellationToken);

    public async Task<PreparedDelivery> PrepareAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        Party[] parties =
        [
            TestPeople.Party(PartyRole.Applicant, "Tolvan Tolvansson", "19121212"),
            TestPeople.Party(PartyRole.CoApplicant, "Hans Provmann", "19800417"),
        ];
        _recipients.Clear();
        _recipients.AddRange(parties.Select(p => p.Email!));
        var addressed = caseEvent with { Data = caseEvent.Data with { Parties = parties } };
        return new PreparedDelivery(await Harness.RequestAsync(addressed, cancellationToken), [.. _recipients]);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int count, CancellationToken cancellationToken)
    {
        var perRecipient = count / _recipients.Count;
        var received = new List<ReceivedMessage>();
        foreach (var address in _recipients)
        {
            var messages = await Mailbox.WaitForAsync(address, perRecipient, cancellationToken);
            received.AddRange(messages.Select(m => new ReceivedMessage(address, m.MessageId ?? string.Empty)));
        }

        return received;
    }

    public string? CarriedId(CaseEvent caseEvent) => null;

    public async Task MakeReceiverUnreachableAsync(CancellationToken cancellationToken)
    {
        await Harness.DisposeAsync();
        _harness = await EmailHarness.StartAsync(cancellationToken, smtpPort: FreePort.Next());
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}

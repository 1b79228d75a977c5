using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Client;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Outbound;

/// <summary>
/// Back to the citizen: for a hub case that came from Open ePlatform, the hub's events become callback calls on the
/// flow instance — confirmDelivery (with the hub case id as external id) once the submission itself was stored and
/// registered, setStatus by the configured mapping, and addMessage with the headline and description of citizen-facing
/// events (never of restricted ones). Each call made is remembered per event in the adapter state, so a redelivery
/// repeats nothing the citizen would see twice and never sets an older status over a newer one.
/// </summary>
internal sealed class CallbackSink(
    string instance,
    OpenEPlatformOptions options,
    CallbackClient client,
    ICaseLookup lookup,
    IAdapterState state,
    TimeProvider timeProvider) : ICaseEventSink
{
    private readonly string _municipality = options.Municipality!;
    private readonly string _source = OpenEPlatformKeys.Source(options.Municipality!);
    private readonly StatusMapping _statuses = new(options.StatusMapping);
    private readonly HashSet<string> _messageTypes = new((options.Callback.MessageEventTypes ?? [.. OpenEPlatformCallbackOptions.DefaultMessageEventTypes]).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = $"open-eplatform-callback/{instance}";

    public CaseEventSinkFilter Filter => new(_municipality, [],
        [.. _statuses.Types().Append("opened").Concat(_messageTypes)
            .Select(t => CaseEventTypes.Prefix + t.ToLowerInvariant())
            .Where(CaseEventTypes.All.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)]);

    public async Task<SinkResult> HandleAsync(SinkEvent sinkEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinkEvent);
        var caseEvent = sinkEvent.Event;
        if (caseEvent.Municipality != _municipality)
        {
            return SinkResult.Skipped("The event belongs to another municipality.");
        }

        try
        {
            var own = caseEvent.Source == _source && caseEvent.Data.Case.SourceSystem == OpenEPlatformKeys.SourceSystem;
            var flowInstance = own ? caseEvent.Data.Case.SourceCaseId : await FindFlowInstanceAsync(sinkEvent, cancellationToken);
            if (flowInstance is null)
            {
                return SinkResult.Skipped("The case did not come from Open ePlatform.");
            }

            if (!int.TryParse(flowInstance, NumberStyles.None, CultureInfo.InvariantCulture, out var flowInstanceId))
            {
                return SinkResult.Permanent($"The case's Open ePlatform id '{flowInstance}' is not a flow instance id.");
            }

            var done = new List<string>();
            var eventKey = Key(caseEvent);
            if (own && caseEvent.Type == CaseEventTypes.Opened)
            {
                await OnceAsync(eventKey, "confirmDelivery", async () =>
                {
                    await client.ConfirmDeliveryAsync(flowInstanceId, sinkEvent.CaseId.ToString("D"), options.Callback.ExternalSystem, DeliveryLog(sinkEvent), cancellationToken);
                    return "delivery confirmed";
                }, done, cancellationToken);
            }

            if (_statuses.For(caseEvent) is { } status)
            {
                await OnceAsync(eventKey, "setStatus", async () =>
                {
                    try
                    {
                        await client.SetStatusAsync(flowInstanceId, status.Status, cancellationToken);
                    }
                    catch (OpenEPlatformException e) when (e.Fault == "StatusNotFoundFault")
                    {
                        throw new OpenEPlatformException(
                            $"Open ePlatform has no status '{status.Status}' in the flow of instance {flowInstance} (StatusNotFound): fix {OpenEPlatformOptions.Section}:{instance}:StatusMapping:{status.Key}.",
                            e.StatusCode, false, e.Fault, null, e);
                    }

                    return $"status '{status.Status}'";
                }, done, cancellationToken);
            }

            if (!own && _messageTypes.Contains(OpenEPlatformKeys.ShortType(caseEvent.Type)))
            {
                if (caseEvent.DataClassification == DataClassification.Restricted)
                {
                    done.Add("no message (restricted event)");
                }
                else
                {
                    await OnceAsync(eventKey, "addMessage", async () =>
                    {
                        var id = await client.AddMessageAsync(flowInstanceId, Message(caseEvent), options.Callback.MessageUserId, timeProvider.GetUtcNow(), cancellationToken);
                        return $"message {id}";
                    }, done, cancellationToken);
                }
            }

            return done.Count == 0
                ? SinkResult.Skipped($"Nothing to tell Open ePlatform for {OpenEPlatformKeys.ShortType(caseEvent.Type)}: see {OpenEPlatformOptions.Section}:{instance}:StatusMapping and Callback:MessageEventTypes.")
                : new SinkResult(SinkOutcome.Done, $"Flow instance {flowInstance}: {string.Join(", ", done)}.");
        }
        catch (OpenEPlatformException e) when (e.IsTransient)
        {
            return SinkResult.Transient(e.Message, e.RetryAfter);
        }
        catch (OpenEPlatformException e)
        {
            return SinkResult.Permanent(e.Message);
        }
    }

    private async Task<string?> FindFlowInstanceAsync(SinkEvent sinkEvent, CancellationToken cancellationToken)
    {
        if (sinkEvent.Event.Data.Case.SourceSystem == OpenEPlatformKeys.SourceSystem)
        {
            return sinkEvent.Event.Data.Case.SourceCaseId;
        }

        var snapshot = await lookup.GetSnapshotAsync(_municipality, sinkEvent.CaseId, cancellationToken);
        return snapshot?.SourceIds.FirstOrDefault(s => s.SourceSystem == OpenEPlatformKeys.SourceSystem)?.SourceCaseId;
    }

    /// <summary>Makes a call unless the state says it was made for this event; a failure records nothing, so the retry makes it.</summary>
    private async Task OnceAsync(string eventKey, string operation, Func<Task<string>> call, List<string> done, CancellationToken cancellationToken)
    {
        var key = $"{operation}/{eventKey}";
        if (await state.GetAsync(Name, key, cancellationToken) is { } earlier)
        {
            done.Add($"{earlier} (already done)");
            return;
        }

        var result = await call();
        await state.SetAsync(Name, key, result, cancellationToken);
        done.Add(result);
    }

    private static string? DeliveryLog(SinkEvent sinkEvent) =>
        sinkEvent.Diarienummer is { Length: > 0 } diarienummer
            ? $"Registrerat i IntegrationHub med diarienummer {diarienummer}."
            : "Mottaget av IntegrationHub.";

    private static string Message(CaseEvent caseEvent) =>
        caseEvent.Data.Event.Description is { Length: > 0 } description
            ? $"{caseEvent.Data.Event.Headline}\n\n{description}"
            : caseEvent.Data.Event.Headline;

    // The event's source and id, hashed: state keys must not carry anything personal.
    private static string Key(CaseEvent caseEvent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseEvent.Source}\n{caseEvent.Id}")))[..32];
}

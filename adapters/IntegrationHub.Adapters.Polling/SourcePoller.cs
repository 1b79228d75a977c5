using System.Text.Json;
using IntegrationHub.Adapters.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Polling;

/// <summary>
/// Runs one poll of a source: holds the source's lease (one hub process polls a source), reads from the stored
/// checkpoint, stores the events through the intake, and only then stores the new checkpoint and acknowledges the
/// batch. A crash anywhere before the checkpoint is stored makes the next poll read the same batch again, and the
/// intake drops what it already has: nothing lost, nothing twice.
/// </summary>
public sealed partial class SourcePoller(
    IEnumerable<ICaseEventSource> sources,
    IServiceScopeFactory scopes,
    IAdapterState state,
    IOptions<SourcePollingOptions> options,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    private const string CheckpointKey = "checkpoint";
    private const string HealthKey = "health";
    private const string LeaseKey = "poll-lease";

    private readonly Dictionary<string, ICaseEventSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>This process, as the lease names it.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"[..^24];

    /// <summary>The names of every source the poller knows.</summary>
    public IReadOnlyCollection<string> SourceNames => _sources.Keys;

    /// <summary>Polls the source until it has no more (or <see cref="SourcePollingOptions.MaxBatchesPerRun"/>).</summary>
    public async Task<PollOutcome> PollAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = _sources.TryGetValue(sourceName, out var found) ? found : throw new ArgumentException($"No source {sourceName}.", nameof(sourceName));
        var scope = Scope(sourceName);
        if (!await state.TryClaimWindowAsync(scope, LeaseKey, Claimant, time.GetUtcNow(), options.Value.LeaseDuration, cancellationToken))
        {
            return new PollOutcome(false, 0, 0, 0, null);
        }

        var health = await ReadHealthAsync(sourceName, cancellationToken) with { LastAttemptAt = time.GetUtcNow(), PolledBy = Claimant };
        int batches = 0, fresh = 0, duplicates = 0;
        try
        {
            var checkpoint = await state.GetAsync(scope, CheckpointKey, cancellationToken);
            while (batches < options.Value.MaxBatchesPerRun)
            {
                var batch = await source.ReceiveAsync(checkpoint, cancellationToken);
                if (batch.Events.Count > 0)
                {
                    await using var services = scopes.CreateAsyncScope();
                    var intake = services.ServiceProvider.GetRequiredService<ICaseEventIntake>();
                    var receipt = await intake.SubmitAsync(batch.Events, cancellationToken);
                    var added = receipt.Events.Count(e => !e.Duplicate);
                    fresh += added;
                    duplicates += receipt.Events.Count - added;
                }

                batches++;
                if (batch.Checkpoint is { } next && next != checkpoint)
                {
                    await state.SetAsync(scope, CheckpointKey, next, cancellationToken);
                    checkpoint = next;
                }

                await AcknowledgeAsync(source, batch, cancellationToken);
                if (!batch.More)
                {
                    break;
                }
            }

            var now = time.GetUtcNow();
            health = health with
            {
                LastSuccessAt = now,
                LastEventsAt = fresh > 0 ? now : health.LastEventsAt,
                ConsecutiveFailures = 0,
                LastError = null,
                Events = health.Events + fresh,
                Checkpoint = Shorten(checkpoint),
            };
            if (fresh > 0)
            {
                LogPolled(sourceName, fresh, duplicates, batches);
            }

            return new PollOutcome(true, batches, fresh, duplicates, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Describe(e);
            // Nothing after the last stored checkpoint is lost: the next poll reads it again.
            health = health with { ConsecutiveFailures = health.ConsecutiveFailures + 1, LastError = reason, Events = health.Events + fresh };
            LogPollFailed(sourceName, health.ConsecutiveFailures, reason);
            return new PollOutcome(true, batches, fresh, duplicates, reason);
        }
        finally
        {
            await state.SetAsync(scope, HealthKey, JsonSerializer.Serialize(health), CancellationToken.None);
        }
    }

    /// <summary>The source's health as the last poll (on any process) left it.</summary>
    public async Task<SourceHealth> ReadHealthAsync(string sourceName, CancellationToken cancellationToken) =>
        await state.GetAsync(Scope(sourceName), HealthKey, cancellationToken) is { } json
            ? JsonSerializer.Deserialize<SourceHealth>(json) ?? SourceHealth.None
            : SourceHealth.None;

    private static string Scope(string sourceName) => $"source/{sourceName}";

    private async Task AcknowledgeAsync(ICaseEventSource source, SourceBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await source.AcknowledgeAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events and the checkpoint are stored; the far side hears of it with the next batch.
            LogAcknowledgeFailed(source.Name, e.GetType().Name, e.Message);
        }
    }

    /// <summary>Failures that end this run (and are shown in the health), as an administrator reads them.</summary>
    private static string Describe(Exception e) => e switch
    {
        SourceUnavailableException => $"the source is unavailable: {e.Message}",
        CaseEventsRejectedException rejected => $"the hub refused {rejected.Rejected.Count} event(s) the source mapped"
            + (rejected.Rejected is [{ Errors: [var first, ..] }, ..] ? $" (the first: {first.Pointer} breaks {first.Rule})" : string.Empty)
            + "; fix the adapter's mapping settings: the poll retries from the same checkpoint",
        // Anything else is a bug in an adapter: still shown in the health and retried from the same checkpoint.
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string? Shorten(string? checkpoint) => checkpoint is { Length: > 120 } ? checkpoint[..117] + "…" : checkpoint;

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source}: stored {New} new and {Duplicates} known event(s) in {Batches} batch(es)")]
    private partial void LogPolled(string source, int @new, int duplicates, int batches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source}: poll failed ({Failures} in a row): {Reason}")]
    private partial void LogPollFailed(string source, int failures, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source}: acknowledging a stored batch failed ({Type}: {Message}); it is retried with the next batch")]
    private partial void LogAcknowledgeFailed(string source, string type, string message);
}

namespace IntegrationHub.Host.Adapters;

/// <summary>One adapter instance's health, the same shape for every kind, for IT staff.</summary>
/// <param name="Kind">edp-future, platina, fgs, mailbox …</param>
/// <param name="Name">The instance, as its source or mailbox is named (e.g. "edp-future/sundsvall").</param>
/// <param name="State">ok, failing (its last poll or check failed), never-run, or disconnected (a mailbox).</param>
/// <param name="LastSuccessAt">The last poll (or mailbox check) that read its system.</param>
/// <param name="LagSeconds">Seconds since then; null before the first success.</param>
/// <param name="ConsecutiveFailures">Failures since the last success.</param>
/// <param name="Circuit">Closed, Open or HalfOpen: the circuit breaker toward its system, in the process answering; null when it has none.</param>
/// <param name="LastError">Why it last failed.</param>
/// <param name="Events">Events it brought in (since the hub started for a mailbox; in total for a polled source).</param>
/// <param name="Schedule">Its Quartz cron schedule (polled sources).</param>
/// <param name="Checkpoint">Where its next poll starts (shortened).</param>
/// <param name="PolledBy">The hub process that polled it last.</param>
public sealed record AdapterInstanceHealth(
    string Kind,
    string Name,
    string State,
    DateTimeOffset? LastSuccessAt,
    double? LagSeconds,
    int ConsecutiveFailures,
    string? Circuit,
    string? LastError,
    long Events,
    string? Schedule,
    string? Checkpoint,
    string? PolledBy);

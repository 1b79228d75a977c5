namespace IntegrationHub.Hub.DeadLetters;

/// <summary>
/// A bus message whose delivery attempts were used up and that now waits in the error queue. Bus
/// messages carry ids and sequence numbers only (never personal data), so they can be shown as they are.
/// </summary>
/// <param name="Id">Its row id in the error queue.</param>
/// <param name="MessageId">The bus message id.</param>
/// <param name="MessageType">The .NET message type.</param>
/// <param name="SourceQueue">The queue it failed in, where a replay returns it.</param>
/// <param name="Error">The first line of the last error.</param>
/// <param name="Body">The message body (JSON).</param>
public sealed record DeadLetter(long Id, string? MessageId, string? MessageType, string SourceQueue, string? Error, string Body);

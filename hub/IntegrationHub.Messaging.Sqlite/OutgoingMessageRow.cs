namespace IntegrationHub.Messaging.Sqlite;

/// <summary>One message as it is stored: everything computed at send time, ready to insert.</summary>
/// <param name="Recipient">The queue the message is for.</param>
/// <param name="Priority">Higher is received first (header <c>rbs2-msg-priority</c>, default 0).</param>
/// <param name="VisibleAfter">Unix milliseconds from which the message can be received (later than now when deferred).</param>
/// <param name="Expiration">Unix milliseconds after which the message is dropped, or null when it never expires.</param>
/// <param name="Headers">The headers as a JSON object.</param>
/// <param name="Body">The serialized body.</param>
internal sealed record OutgoingMessageRow(string Recipient, int Priority, long VisibleAfter, long? Expiration, string Headers, byte[] Body);

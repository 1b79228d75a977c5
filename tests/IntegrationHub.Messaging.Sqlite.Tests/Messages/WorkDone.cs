namespace IntegrationHub.Messaging.Sqlite.Tests.Messages;

public sealed record WorkDone(string Value);

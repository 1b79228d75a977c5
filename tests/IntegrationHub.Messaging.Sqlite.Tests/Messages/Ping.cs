namespace IntegrationHub.Messaging.Sqlite.Tests.Messages;

public sealed record Ping(string Text);

namespace IntegrationHub.Messaging.Sqlite.Tests.Messages;

public sealed record Numbered(int Number);

namespace IntegrationHub.Messaging.Sqlite.Tests.Messages;

public sealed record DoWork(string Value, bool Fail);

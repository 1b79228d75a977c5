using System.Text.Json.Serialization;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Source-generated JSON for headers, stored as readable text so the table can be inspected with the sqlite3 shell.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MessageHeadersJsonContext : JsonSerializerContext;

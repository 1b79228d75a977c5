using System.Globalization;
using System.Text.Json;
using IntegrationHub.Messaging.Sqlite;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite.Tests.Support;

/// <summary>A fresh SQLite file in its own temp folder, plus helpers to look into the message table.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ihub-sqlite-transport-tests", Guid.NewGuid().ToString("N"));

    public TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "hub.db") }.ToString();
    }

    public string ConnectionString { get; }

    public string TableName { get; init; } = SqliteTransportOptions.DefaultTableName;

    public SqliteTransportOptions Options(TimeProvider? timeProvider = null) =>
        new(ConnectionString) { TableName = TableName, TimeProvider = timeProvider };

    public SqliteTransportOptions LeaseOptions(TimeProvider? timeProvider = null, TimeSpan? leaseDuration = null) =>
        new(ConnectionString) { TableName = TableName, TimeProvider = timeProvider, LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(5) };

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000;";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public long Count(string queue)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {TableName} WHERE recipient = $queue";
        command.Parameters.AddWithValue("$queue", queue);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public List<Dictionary<string, string>> Headers(string queue)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT headers FROM {TableName} WHERE recipient = $queue ORDER BY id";
        command.Parameters.AddWithValue("$queue", queue);
        using var reader = command.ExecuteReader();
        var result = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            result.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(0))!);
        }

        return result;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

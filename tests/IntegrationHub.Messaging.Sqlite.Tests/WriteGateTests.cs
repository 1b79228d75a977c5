using IntegrationHub.Messaging.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class WriteGateTests
{
    [Fact]
    public void Transports_on_one_file_share_one_write_gate_however_the_path_is_spelled()
    {
        using var database = new TestDatabase();
        using var other = new TestDatabase();
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        var respelled = Path.Combine(folder, ".", "sub", "..", Path.GetFileName(path));

        var first = SqliteDatabase.Connect(database.Options());
        var second = SqliteDatabase.Connect(new SqliteTransportOptions($"Data Source={respelled}"));
        var elsewhere = SqliteDatabase.Connect(other.Options());

        Assert.Same(first.WriteGate, second.WriteGate);
        Assert.NotSame(first.WriteGate, elsewhere.WriteGate);
        Assert.Same(first.WriteGate, SqliteWriteGates.For(respelled));
    }
}

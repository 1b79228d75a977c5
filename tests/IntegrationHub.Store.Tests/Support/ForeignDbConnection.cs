using System.Data;
using System.Data.Common;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>A connection of a provider neither store supports, for the Enlist argument checks.</summary>
internal sealed class ForeignDbConnection : DbConnection
{
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString { get; set; } = "";

    public override string Database => "foreign";

    public override string DataSource => "foreign";

    public override string ServerVersion => "0";

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Close() { }

    public override void Open() { }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new ForeignDbTransaction(this);

    protected override DbCommand CreateDbCommand() => throw new NotSupportedException();
}

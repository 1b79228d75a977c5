using System.Data;
using System.Data.Common;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>The transaction of a <see cref="ForeignDbConnection"/>.</summary>
internal sealed class ForeignDbTransaction(DbConnection connection) : DbTransaction
{
    public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

    protected override DbConnection DbConnection => connection;

    public override void Commit() { }

    public override void Rollback() { }
}

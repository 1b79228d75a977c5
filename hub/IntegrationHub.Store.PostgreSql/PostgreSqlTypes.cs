using System.Data.Common;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// PostgreSQL's column types: timestamptz (written in UTC, as Npgsql requires for timestamptz),
/// uuid, date, and the classification as a smallint.
/// </summary>
internal sealed class PostgreSqlTypes : IStoreTypes
{
    public static PostgreSqlTypes Instance { get; } = new();

    public object Id(Guid id) => id;

    public Guid ReadId(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public object Date(DateOnly date) => date;

    public DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public object Classification(DataClassification classification) => (short)classification;

    public DataClassification ReadClassification(DbDataReader reader, int ordinal) => (DataClassification)reader.GetInt16(ordinal);
}

using System.Data.Common;
using System.Globalization;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.Sqlite;

/// <summary>
/// SQLite's column types: timestamps are unix milliseconds (integers compare and sort in time order),
/// Guids "D"-format text, dates yyyy-MM-dd text (which sorts and compares as dates), the
/// classification an integer.
/// </summary>
internal sealed class SqliteTypes : IStoreTypes
{
    private const string DateFormat = "yyyy-MM-dd";

    public static SqliteTypes Instance { get; } = new();

    public object Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public Guid ReadId(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public object Timestamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public object Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public DateOnly ReadDate(DbDataReader reader, int ordinal) => DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public object Classification(DataClassification classification) => (int)classification;

    public DataClassification ReadClassification(DbDataReader reader, int ordinal) => (DataClassification)reader.GetInt32(ordinal);
}

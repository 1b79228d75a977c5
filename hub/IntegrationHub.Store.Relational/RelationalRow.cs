using System.Data.Common;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// The current row of a reader, read by column name: the shape every provider's rows share. Values
/// whose column types differ between databases are read through the provider's <see cref="IStoreTypes"/>.
/// </summary>
internal sealed class RelationalRow(DbDataReader reader, IStoreTypes types)
{
    public string Text(string column) => reader.GetString(reader.GetOrdinal(column));

    public string? NullableText(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public int Int(string column) => reader.GetInt32(reader.GetOrdinal(column));

    public int? NullableInt(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    public long Long(string column) => reader.GetInt64(reader.GetOrdinal(column));

    public long? NullableLong(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    /// <summary>Enums other than the classification are stored as their member names.</summary>
    public TEnum Named<TEnum>(string column)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(Text(column));

    public TEnum? NullableNamed<TEnum>(string column)
        where TEnum : struct, Enum => NullableText(column) is { } name ? Enum.Parse<TEnum>(name) : null;

    public Guid Id(string column) => types.ReadId(reader, reader.GetOrdinal(column));

    public Guid? NullableId(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : types.ReadId(reader, ordinal);
    }

    public DateTimeOffset Timestamp(string column) => types.ReadTimestamp(reader, reader.GetOrdinal(column));

    public DateTimeOffset? NullableTimestamp(string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : types.ReadTimestamp(reader, ordinal);
    }

    public DateOnly Date(string column) => types.ReadDate(reader, reader.GetOrdinal(column));

    public DataClassification Classification(string column) => types.ReadClassification(reader, reader.GetOrdinal(column));
}

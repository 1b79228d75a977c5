using System.Data.Common;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Relational;

/// <summary>
/// How one provider keeps the values whose column types differ between databases (SQLite: unix
/// milliseconds, "D"-format text, yyyy-MM-dd text, integers; PostgreSQL: timestamptz, uuid, date,
/// smallint). Everything else (text, integers, enums by member name) is stored alike and read by
/// <see cref="RelationalRow"/> itself.
/// </summary>
internal interface IStoreTypes
{
    /// <summary>A Guid as a parameter value.</summary>
    object Id(Guid id);

    /// <summary>A Guid column of the current row (not null).</summary>
    Guid ReadId(DbDataReader reader, int ordinal);

    /// <summary>A point in time as a parameter value.</summary>
    object Timestamp(DateTimeOffset value);

    /// <summary>A point-in-time column of the current row (not null).</summary>
    DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>A calendar date as a parameter value; it must compare and sort as a date.</summary>
    object Date(DateOnly date);

    /// <summary>A date column of the current row (not null).</summary>
    DateOnly ReadDate(DbDataReader reader, int ordinal);

    /// <summary>A classification as a parameter value: an ordered integer, so that SQL can compare and take the maximum.</summary>
    object Classification(DataClassification classification);

    /// <summary>A classification column of the current row.</summary>
    DataClassification ReadClassification(DbDataReader reader, int ordinal);
}

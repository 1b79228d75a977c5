using System.Data.Common;
using System.Text;
using Dapper;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>Diary reads on their own connections; they see committed data only.</summary>
internal sealed class RelationalDiaryQueries(Func<CancellationToken, Task<DbConnection>> openConnection, IStoreDialect dialect) : IDiaryQueries
{
    private IDiaryCommands Commands => dialect.Diary;

    private IStoreTypes Types => dialect.Types;

    public async Task<Registration?> GetRegistrationAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(Commands.SelectRegistration, new { Id = Types.Id(registrationId) }, DiaryRows.ReadRegistration, cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<RegistrationChange>> GetHistoryAsync(Guid registrationId, CancellationToken cancellationToken) =>
        await ReadAsync(Commands.SelectHistory, new { Id = Types.Id(registrationId) }, DiaryRows.ReadChange, cancellationToken);

    public async Task<IReadOnlyList<Registration>> SearchAsync(DiaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Municipality, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        var sql = new StringBuilder(Commands.SearchBase);
        if (query.Diary is not null)
        {
            sql.Append(Commands.SearchByDiary);
        }

        if (query.From is not null)
        {
            sql.Append(Commands.SearchFrom);
        }

        if (query.To is not null)
        {
            sql.Append(Commands.SearchTo);
        }

        var text = string.IsNullOrWhiteSpace(query.Text) ? null : DiaryRules.Normalise(query.Text.Trim());
        if (text is not null)
        {
            sql.Append(Commands.SearchByText);
        }

        sql.Append(Commands.SearchOrder);
        var parameters = new
        {
            query.Municipality,
            query.Diary,
            From = query.From is { } from ? Types.Date(from) : null,
            To = query.To is { } to ? Types.Date(to) : null,
            Text = text,
            query.Offset,
            query.Limit,
        };
        return await ReadAsync(sql.ToString(), parameters, DiaryRows.ReadRegistration, cancellationToken);
    }

    public async Task<IReadOnlyList<Registration>> GetCaseRegistrationsAsync(Guid caseId, CancellationToken cancellationToken) =>
        await ReadAsync(Commands.SelectCaseRegistrations, new { CaseId = Types.Id(caseId) }, DiaryRows.ReadRegistration, cancellationToken);

    public async Task<IReadOnlyList<DiaryConflict>> GetConflictsAsync(string municipality, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        return await ReadAsync(Commands.SelectConflicts, new { Municipality = municipality }, DiaryRows.ReadConflict, cancellationToken);
    }

    private async Task<List<T>> ReadAsync<T>(string sql, object parameters, Func<RelationalRow, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        return await connection.QueryRowsAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken), Types, map, cancellationToken);
    }
}

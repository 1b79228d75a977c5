using System.Text;
using Dapper;
using IntegrationHub.Store.Diary;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Diary reads on their own pooled connections; they see committed data only.</summary>
internal sealed class PostgreSqlDiaryQueries(NpgsqlDataSource dataSource, PostgreSqlDiaryCommands commands) : IDiaryQueries
{
    public async Task<Registration?> GetRegistrationAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(commands.SelectRegistration, new { Id = registrationId }, cancellationToken: cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<RegistrationChange>> GetHistoryAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlDiaryRows.ReadHistoryAsync(
            connection, new CommandDefinition(commands.SelectHistory, new { Id = registrationId }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<Registration>> SearchAsync(DiaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Municipality, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        var sql = new StringBuilder(commands.SearchBase);
        if (query.Diary is not null)
        {
            sql.Append(PostgreSqlDiaryCommands.SearchByDiary);
        }

        if (query.From is not null)
        {
            sql.Append(PostgreSqlDiaryCommands.SearchFrom);
        }

        if (query.To is not null)
        {
            sql.Append(PostgreSqlDiaryCommands.SearchTo);
        }

        var text = string.IsNullOrWhiteSpace(query.Text) ? null : PostgreSqlDiaryRules.Normalise(query.Text.Trim());
        if (text is not null)
        {
            sql.Append(PostgreSqlDiaryCommands.SearchByText);
        }

        sql.Append(PostgreSqlDiaryCommands.SearchOrder);
        var parameters = new { query.Municipality, query.Diary, query.From, query.To, Text = text, query.Offset, query.Limit };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<Registration>> GetCaseRegistrationsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(commands.SelectCaseRegistrations, new { CaseId = caseId }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<DiaryConflict>> GetConflictsAsync(string municipality, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlDiaryRows.ReadConflictsAsync(
            connection, new CommandDefinition(commands.SelectConflicts, new { Municipality = municipality }, cancellationToken: cancellationToken), cancellationToken);
    }
}

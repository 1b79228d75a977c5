using Rebus.Activation;
using Rebus.Config;

namespace IntegrationHub.Messaging.Sqlite.Tests;

public sealed class OptionsValidationTests
{
    private const string ValidConnectionString = "Data Source=hub.db";

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("rebus messages")]
    [InlineData("messages; DROP TABLE cases")]
    [InlineData("\"quoted\"")]
    [InlineData("1messages")]
    [InlineData("meddelanden_för_kö")]
    [InlineData("sqlite_queue")]
    [InlineData("main.rebus_messages")]
    public void Unsafe_table_name_is_rejected_with_a_clear_message(string tableName)
    {
        var options = new SqliteTransportOptions(ValidConnectionString);

        var error = Assert.Throws<ArgumentException>(() => options.TableName = tableName);

        Assert.Equal(nameof(SqliteTransportOptions.TableName), error.ParamName);
        Assert.Contains("is not a safe table name", error.Message, StringComparison.Ordinal);
        Assert.Equal(SqliteTransportOptions.DefaultTableName, options.TableName);
    }

    [Fact]
    public void Table_name_longer_than_64_characters_is_rejected()
    {
        var options = new SqliteTransportOptions(ValidConnectionString);

        Assert.Throws<ArgumentException>(() => options.TableName = new string('q', 65));
        options.TableName = new string('q', 64);
    }

    [Fact]
    public void Null_table_name_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => new SqliteTransportOptions(ValidConnectionString).TableName = null!);

    [Theory]
    [InlineData("rebus_messages")]
    [InlineData("_queue")]
    [InlineData("HubQueue2")]
    public void Plain_identifiers_are_accepted(string tableName) =>
        Assert.Equal(tableName, new SqliteTransportOptions(ValidConnectionString) { TableName = tableName }.TableName);

    [Theory]
    [InlineData("")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=hub;Mode=Memory")]
    [InlineData("Data Source=hub.db;Mode=ReadOnly")]
    [InlineData("Data Source=hub.db;Flux Capacitor=on")]
    public void Unusable_connection_string_is_rejected(string connectionString) =>
        Assert.ThrowsAny<ArgumentException>(() => new SqliteTransportOptions(connectionString));

    [Fact]
    public void Out_of_range_timeouts_are_rejected()
    {
        var options = new SqliteTransportOptions(ValidConnectionString);

        Assert.Throws<ArgumentOutOfRangeException>(() => options.BusyTimeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ExpiredMessagesCleanupInterval = TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void Empty_input_queue_name_is_rejected()
    {
        using var activator = new BuiltinHandlerActivator();

        Assert.ThrowsAny<ArgumentException>(() =>
            Configure.With(activator).Transport(t => t.UseSqlite(new SqliteTransportOptions(ValidConnectionString), " ")));
    }
}

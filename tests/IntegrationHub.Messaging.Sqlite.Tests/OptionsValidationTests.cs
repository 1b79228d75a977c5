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
    public void Lease_duration_is_off_by_default_and_accepts_one_second_to_one_hour()
    {
        var options = new SqliteTransportOptions(ValidConnectionString);
        Assert.Null(options.LeaseDuration);

        options.LeaseDuration = TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.FromSeconds(1), options.LeaseDuration);
        options.LeaseDuration = TimeSpan.FromHours(1);
        Assert.Equal(TimeSpan.FromHours(1), options.LeaseDuration);
        options.LeaseDuration = null;
        Assert.Null(options.LeaseDuration);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    [InlineData(999)]
    [InlineData(3_600_001)]
    public void Lease_duration_outside_one_second_to_one_hour_is_rejected_with_a_clear_message(int milliseconds)
    {
        var options = new SqliteTransportOptions(ValidConnectionString) { LeaseDuration = TimeSpan.FromMinutes(1) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.LeaseDuration = TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(nameof(SqliteTransportOptions.LeaseDuration), error.ParamName);
        Assert.Contains("between one second and one hour", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(1), options.LeaseDuration);
    }

    [Fact]
    public void Empty_input_queue_name_is_rejected()
    {
        using var activator = new BuiltinHandlerActivator();

        Assert.ThrowsAny<ArgumentException>(() =>
            Configure.With(activator).Transport(t => t.UseSqlite(new SqliteTransportOptions(ValidConnectionString), " ")));
    }
}

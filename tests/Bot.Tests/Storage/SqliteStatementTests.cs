using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// <see cref="SqliteStatement"/>, the prepared statement the turn's writes run through SQLite's own API (state, directory,
/// transcript): what it binds and reads must be what <see cref="SqliteCommand"/> would have bound and read.
/// </summary>
public sealed class SqliteStatementTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE t (k TEXT PRIMARY KEY, a TEXT, b TEXT, n INTEGER)", default);
    }

    public async Task DisposeAsync() => await connection.DisposeAsync();

    [Theory]
    [InlineData("Phạm Thu Hà")]
    [InlineData("Số CCCD 036303012345 😊 \"quoted\" \\ back")]
    [InlineData("")]
    public async Task Strings_are_stored_as_the_text_a_command_reads_back(string text)
    {
        using (var insert = new SqliteStatement(connection, "INSERT INTO t (k, a) VALUES ($k, $a)"))
            Assert.Equal(1, insert.Bind("$k", "1").Bind("$a", text).ExecuteNonQuery());

        var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(a), a, length(a) FROM t WHERE k = '1'";
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("text", text, text.EnumerateRunes().Count()), (row.GetString(0), row.GetString(1), (int)row.GetInt64(2)));
    }

    [Fact]
    public void The_first_row_is_read_as_text_with_nulls_and_no_row_is_null()
    {
        using (var insert = new SqliteStatement(connection, "INSERT INTO t (k, a, b, n) VALUES ($k, $a, $b, $n)"))
        {
            insert.Bind("$k", "x").Bind("$a", "Hà Nội").Bind("$b", null).Bind("$n", 42).ExecuteNonQuery();
            insert.Bind("$k", "y").BindUtf8("$a", "Thành phố Huế"u8).Bind("$b", "2026-12-02T09:00:00.0000000+00:00").ExecuteNonQuery();
        }

        using var select = new SqliteStatement(connection, "SELECT a, b, n FROM t WHERE k = $k ORDER BY k");
        IEnumerable<string?>? x = select.Bind("$k", "x").FirstRow(), y = select.Bind("$k", "y").FirstRow();
        Assert.Equal(["Hà Nội", null, "42"], x);
        Assert.Equal(["Thành phố Huế", "2026-12-02T09:00:00.0000000+00:00", null], y); // $n was cleared after the first run
        Assert.Null(select.Bind("$k", "nobody").FirstRow());
        Assert.Null(select.FirstRow()); // no binding left over from the last run: $k is NULL
    }

    [Fact]
    public void A_failed_run_throws_and_leaves_the_statement_ready_for_the_next()
    {
        using var insert = new SqliteStatement(connection, "INSERT INTO t (k, a) VALUES ($k, $a)");
        insert.Bind("$k", "dup").Bind("$a", "một").ExecuteNonQuery();

        Assert.Throws<SqliteException>(() => insert.Bind("$k", "dup").Bind("$a", "hai").ExecuteNonQuery());
        Assert.Equal(1, insert.Bind("$k", "other").Bind("$a", "ba").ExecuteNonQuery());
        Assert.Throws<ArgumentException>(() => insert.Bind("$missing", "x"));
    }
}

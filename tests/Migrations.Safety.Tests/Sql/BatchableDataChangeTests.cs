using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class BatchableDataChangeTests
{
    [Fact]
    public void UpdateOfAQualifiedTable_GivesItsSchemaTableSetAndWhere()
    {
        var change = BatchableDataChange.Parse("UPDATE ONLY app.\"Orders\" SET channel = coalesce(src, 'web'), n = (SELECT 1 FROM t) WHERE channel IS NULL;");

        Assert.NotNull(change);
        Assert.Equal("app", change!.Schema);
        Assert.Equal("Orders", change.Table);
        Assert.Equal("channel = coalesce(src, 'web'), n = (SELECT 1 FROM t)", change.Assignments);
        Assert.Equal("channel IS NULL", change.Condition);
    }

    [Fact]
    public void UnquotedNames_FoldToLowerCase_AndAnUpdateMayHaveNoWhere()
    {
        var change = BatchableDataChange.Parse("update Orders set channel = 'web'");

        Assert.Equal("orders", change!.Table);
        Assert.Null(change.Schema);
        Assert.Null(change.Condition);
    }

    [Fact]
    public void DeleteWithWhere_HasNoAssignments()
    {
        var change = BatchableDataChange.Parse("DELETE FROM sessions WHERE expires_at < now() -- old ones\n;");

        Assert.Equal("sessions", change!.Table);
        Assert.Null(change.Assignments);
        Assert.Equal("expires_at < now()", change.Condition);
    }

    [Theory]
    [InlineData("DELETE FROM sessions")]
    [InlineData("UPDATE projects p SET owner = 'x'")]
    [InlineData("UPDATE projects SET owner = u.name FROM users u WHERE u.id = projects.user_id")]
    [InlineData("UPDATE projects SET owner = 'x' RETURNING id")]
    [InlineData("DELETE FROM sessions USING users WHERE users.id = sessions.user_id")]
    [InlineData("UPDATE a SET x = 1; UPDATE b SET y = 2")]
    [InlineData("WITH s AS (SELECT 1) UPDATE a SET x = 1")]
    [InlineData("UPDATE a SET")]
    public void StatementsABatchCannotRunAsTheyAre_AreNotBatchable(string sql) =>
        Assert.Null(BatchableDataChange.Parse(sql));
}

using System.Linq;
using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class SqlStatementSplitterTests
{
    [Fact]
    public void SplitsOnTopLevelSemicolonsAndTrimsTrivia()
    {
        const string sql = "  -- first\n CREATE TABLE a (id int);\n\n/* second */ DROP TABLE b ;";
        var statements = SqlStatementSplitter.Split(sql);

        Assert.Equal(new[] { "CREATE TABLE a (id int)", "DROP TABLE b" }, statements.Select(statement => statement.Text));
        Assert.Equal(sql.IndexOf("CREATE", System.StringComparison.Ordinal), statements[0].Offset);
        Assert.Equal(sql.IndexOf("DROP", System.StringComparison.Ordinal), statements[1].Offset);
        Assert.Equal("DROP TABLE b".Length, statements[1].Length);
    }

    [Fact]
    public void EmptyAndCommentOnlyStatementsAreIgnored()
    {
        Assert.Equal(new[] { "SELECT 1" }, SqlStatementSplitter.Split(";; -- nothing\n ; SELECT 1 ; /* x */ ;").Select(statement => statement.Text));
        Assert.Empty(SqlStatementSplitter.Split("  \n -- only a comment"));
    }

    [Fact]
    public void SemicolonsInsideLiteralsAndCommentsDoNotSplit()
    {
        const string sql = "SELECT ';', \"a;b\", $$ x; y $$ /* ; */ -- ;\n; SELECT 2";
        Assert.Equal(2, SqlStatementSplitter.Split(sql).Count);
    }

    [Fact]
    public void FunctionBodyInDollarQuotesStaysOneStatement()
    {
        const string sql = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN UPDATE t SET a = 1; RETURN NEW; END $fn$; SELECT 1";
        var statements = SqlStatementSplitter.Split(sql);

        Assert.Equal(2, statements.Count);
        Assert.EndsWith("$fn$", statements[0].Text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void BeginAtomicBodyStaysOneStatement()
    {
        const string sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3";
        var statements = SqlStatementSplitter.Split(sql);

        Assert.Equal(2, statements.Count);
        Assert.Equal("SELECT 3", statements[1].Text);
    }

    [Fact]
    public void TransactionBeginIsAnOrdinaryStatement()
    {
        Assert.Equal(3, SqlStatementSplitter.Split("BEGIN; SELECT 1; COMMIT;").Count);
    }
}

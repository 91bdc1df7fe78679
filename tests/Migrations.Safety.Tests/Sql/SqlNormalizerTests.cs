using Migrations.Safety.Sql;

namespace Migrations.Safety.Tests.Sql;

public sealed class SqlNormalizerTests
{
    [Fact]
    public void CollapsesWhitespaceDropsCommentsAndJoinsStatements()
    {
        const string sql = "-- header\nCREATE  TABLE a (\n\tid int /* key */\n);\n\n  DROP TABLE b;;";

        Assert.Equal("CREATE TABLE a ( id int );\nDROP TABLE b", SqlNormalizer.Normalize(sql));
    }

    [Fact]
    public void WhitespaceAndCommentOnlyChangesKeepTheSameText()
    {
        var before = SqlNormalizer.Normalize("UPDATE t SET a = 1 WHERE id = 2;");
        var after = SqlNormalizer.Normalize("  -- backfill\n UPDATE t\n   SET a = 1 /* one */\n WHERE id = 2\n");

        Assert.Equal(before, after);
    }

    [Fact]
    public void CommentBetweenTokensCountsAsWhitespace()
    {
        Assert.Equal("SELECT a FROM t", SqlNormalizer.Normalize("SELECT/**/a/* x */FROM--y\nt"));
    }

    [Fact]
    public void WhitespaceInsideLiteralsAndQuotedIdentifiersIsKept()
    {
        const string sql = "SELECT 'a   b', \"c   d\", $$ e\n  f $$";

        Assert.Equal(sql, SqlNormalizer.Normalize(sql));
    }

    [Fact]
    public void ChangingALiteralChangesTheText()
    {
        Assert.NotEqual(SqlNormalizer.Normalize("SELECT 'a b'"), SqlNormalizer.Normalize("SELECT 'a  b'"));
    }

    [Fact]
    public void EmptyOrCommentOnlyTextNormalizesToEmpty()
    {
        Assert.Equal(string.Empty, SqlNormalizer.Normalize(" -- nothing\n/* at all */ ; "));
    }

    [Fact]
    public void LineEndingsInsideLiteralsDoNotCount()
    {
        // What git's autocrlf does to a DO block in a C# verbatim string or a .sql file on a Windows checkout.
        Assert.Equal(SqlNormalizer.Normalize("DO $$\nBEGIN\n  PERFORM 1;\nEND $$"), SqlNormalizer.Normalize("DO $$\r\nBEGIN\r\n  PERFORM 1;\r\nEND $$"));
    }
}

namespace Migrations.Safety.Sql;

/// <summary>What a <see cref="SqlToken"/> is, as PostgreSQL's own lexer sees it.</summary>
public enum SqlTokenKind
{
    /// <summary>An unquoted word: a keyword or an identifier (PostgreSQL cannot tell them apart without the grammar).</summary>
    Word,

    /// <summary>A double-quoted identifier, <c>"like ""this"""</c>, or its <c>U&amp;"…"</c> form.</summary>
    QuotedIdentifier,

    /// <summary>A string constant: <c>'…'</c>, <c>E'…'</c>, <c>B'…'</c>, <c>X'…'</c>, <c>U&amp;'…'</c> or dollar-quoted <c>$tag$…$tag$</c>.</summary>
    StringLiteral,

    Number,

    /// <summary>An operator such as <c>=</c>, <c>::</c>, <c>&lt;&gt;</c> or <c>||</c>.</summary>
    Operator,

    /// <summary>One of <c>( ) , . [ ]</c>.</summary>
    Punctuation,

    /// <summary>A positional parameter such as <c>$1</c>.</summary>
    Parameter,

    Semicolon,

    /// <summary>A <c>-- …</c> comment up to, not including, the end of the line.</summary>
    LineComment,

    /// <summary>A <c>/* … */</c> comment; PostgreSQL lets them nest.</summary>
    BlockComment,

    Whitespace,
}

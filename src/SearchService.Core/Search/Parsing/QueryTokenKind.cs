namespace SearchService.Core.Search.Parsing;

/// <summary>What a lexed piece of query text is.</summary>
internal enum QueryTokenKind
{
    Word,
    Phrase,
    Field,
    Range,
    LeftParen,
    RightParen,
    Plus,
    Minus,
    And,
    Or,
    Not,
    End,
}

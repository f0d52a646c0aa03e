namespace SearchService.Core.Analysis;

/// <summary>
/// A token as a value, with its absolute position: what the analyze command prints and tests
/// compare. The index reads token streams directly instead, to avoid a string per token.
/// </summary>
/// <param name="Term">The indexed term.</param>
/// <param name="Type">What kind of token it is.</param>
/// <param name="Position">Word position, from 0; stacked tokens share their word's position.</param>
/// <param name="StartOffset">Start in the original text.</param>
/// <param name="EndOffset">End (exclusive) in the original text.</param>
/// <param name="IndexPositions">Whether the index keeps the token's positions (<see cref="TokenAttributes.IndexPositions"/>).</param>
public sealed record AnalyzedToken(string Term, TokenType Type, int Position, int StartOffset, int EndOffset, bool IndexPositions = true);

namespace SearchService.Core.Search.Highlighting;

/// <summary>A stretch of the original text that matched, after overlapping matches were merged.</summary>
/// <param name="Start">Start offset in the original text (UTF-16 index).</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Terms">Bit set of the matched terms inside (bit i = the i-th distinct term of the call, modulo 64), for counting distinct terms.</param>
public readonly record struct HighlightSpan(int Start, int End, ulong Terms);

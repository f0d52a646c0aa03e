using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>A term sink that writes down every occurrence it is given (term and position) and each term's positions mark as its first occurrence set it; checks every hash it is handed.</summary>
internal sealed class RecordingSink : ITermSink
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];

    public int Generation { get; private set; }

    /// <summary>Every occurrence, in the order given: "term@position".</summary>
    public List<string> Occurrences { get; } = [];

    /// <summary>Per term, the positions mark of its first occurrence.</summary>
    public Dictionary<string, bool> Marks { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        Generation++;
        _numbers.Clear();
        _terms.Clear();
        Occurrences.Clear();
        Marks.Clear();
    }

    public int Add(ReadOnlySpan<char> term, int hash, int position, bool indexPositions)
    {
        var text = term.ToString();
        Assert.True(TermHash.Of(term) == hash, $"the hash handed with '{text}' is not its TermHash");
        if (!_numbers.TryGetValue(text, out var number))
        {
            number = _terms.Count;
            _numbers[text] = number;
            _terms.Add(text);
            Marks[text] = indexPositions;
        }

        AddAgain(number, position);
        return number;
    }

    public void AddAgain(int term, int position) => Occurrences.Add($"{_terms[term]}@{position}");

    /// <summary>What <see cref="AnalysisPipeline.Index"/> promises, read off <paramref name="stream"/> itself: every token added at its position.</summary>
    public int Record(TokenStream stream, int positionBase, out int length)
    {
        var attributes = stream.Attributes;
        var position = positionBase - 1;
        length = 0;
        while (stream.IncrementToken())
        {
            position += attributes.PositionIncrement;
            length += attributes.PositionIncrement > 0 ? 1 : 0;
            Add(attributes.Term, TermHash.Of(attributes.Term), Math.Max(position, 0), attributes.IndexPositions);
        }

        return position;
    }
}

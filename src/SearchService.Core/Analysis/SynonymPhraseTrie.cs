namespace SearchService.Core.Analysis;

/// <summary>
/// The spelled-out phrases of <see cref="AdministrativeAbbreviations"/> as a trie over folded
/// syllables, for matching a phrase token by token as the stream goes by. Lookups take a span,
/// so walking the trie allocates nothing.
/// </summary>
public sealed class SynonymPhraseTrie
{
    private readonly Dictionary<string, SynonymPhraseTrie> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SynonymPhraseTrie>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SynonymPhraseTrie()
    {
        _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The trie built from the abbreviation table.</summary>
    public static SynonymPhraseTrie Default { get; } = Build(AdministrativeAbbreviations.Entries);

    /// <summary>The abbreviation when the syllables walked so far spell a whole phrase; else null.</summary>
    public string? Abbreviation { get; private set; }

    /// <summary>Longest phrase length in syllables, which bounds how far a matcher looks ahead.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>Builds a trie from (abbreviation, phrase) pairs.</summary>
    public static SynonymPhraseTrie Build(IEnumerable<(string Abbreviation, string Phrase)> entries)
    {
        var root = new SynonymPhraseTrie();
        foreach (var (abbreviation, phrase) in entries)
        {
            var syllables = VietnameseAlphabet.FoldString(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var node = root;
            foreach (var syllable in syllables)
            {
                if (!node._children.TryGetValue(syllable, out var child))
                {
                    child = new SynonymPhraseTrie();
                    node._children.Add(syllable, child);
                }

                node = child;
            }

            node.Abbreviation ??= abbreviation;
            root.MaxDepth = Math.Max(root.MaxDepth, syllables.Length);
        }

        return root;
    }

    /// <summary>The node after <paramref name="foldedSyllable"/>, or null when no phrase continues with it.</summary>
    public SynonymPhraseTrie? Next(ReadOnlySpan<char> foldedSyllable) =>
        _lookup.TryGetValue(foldedSyllable, out var child) ? child : null;
}

namespace SearchService.Core.Index.Check;

/// <summary>The outcome of <see cref="IndexChecker.Check"/>: what was verified and every problem found.</summary>
public sealed class IndexCheckReport
{
    /// <summary>Problems, each naming the file or segment and what is wrong; empty when the index is sound.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The commit checked.</summary>
    public long Generation { get; set; }

    /// <summary>Segments checked.</summary>
    public int Segments { get; set; }

    /// <summary>Live documents.</summary>
    public int Documents { get; set; }

    /// <summary>Terms whose postings were walked.</summary>
    public long Terms { get; set; }

    /// <summary>Postings (term, document) walked.</summary>
    public long Postings { get; set; }

    /// <summary>True when no problem was found.</summary>
    public bool Healthy => Problems.Count == 0;
}

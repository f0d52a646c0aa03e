using System.Globalization;
using SearchService.Core.Catalog;

namespace SearchService.Indexer.Commands;

/// <summary>Counts what an <c>index</c> run did and prints it: totals, then every failure with its reason.</summary>
internal sealed class IndexSummary
{
    private readonly List<IngestOutcome> _failures = [];
    private readonly Dictionary<IngestStatus, int> _counts = [];
    private long _bytes;

    public int Failed => _failures.Count;

    public void Record(IngestOutcome outcome)
    {
        _counts[outcome.Status] = _counts.GetValueOrDefault(outcome.Status) + 1;
        _bytes += outcome.Bytes;
        if (outcome.Status == IngestStatus.Failed)
        {
            _failures.Add(outcome);
        }
    }

    /// <summary>A line about the run's state (commits), printed as it happens.</summary>
    public void Note(string line) => Console.Out.WriteLine(line);

    public void Print(TimeSpan elapsed, int documents, int segments)
    {
        int Count(IngestStatus status) => _counts.GetValueOrDefault(status);
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-3);
        var processed = Count(IngestStatus.Added) + Count(IngestStatus.Updated);
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"added {Count(IngestStatus.Added)}, updated {Count(IngestStatus.Updated)}, unchanged {Count(IngestStatus.Unchanged)}, failed {Failed}"));
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{documents} documents in {segments} segments; {elapsed.TotalSeconds:0.0} s, {processed / seconds:0} docs/s, {_bytes / 1048576.0 / seconds:0.0} MB/s"));
        foreach (var failure in _failures)
        {
            Console.Error.WriteLine($"failed: {failure.Source}: {failure.Error}");
        }
    }
}

using SearchService.Core.Catalog.Suggest;

namespace SearchService.Api.Hosting;

/// <summary>
/// The suggester of the current snapshot, rebuilt only when a write published a newer one
/// (the suggester caches per segment, so a rebuild reads only new segments).
/// </summary>
public sealed class SuggesterCache
{
    private readonly IndexHost _host;
    private readonly Lock _gate = new();
    private (long Generation, Suggester Suggester)? _current;

    /// <summary>A cache over <paramref name="host"/>'s snapshots.</summary>
    public SuggesterCache(IndexHost host) => _host = host;

    /// <summary>Suggestions for <paramref name="prefix"/> from the current snapshot.</summary>
    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit)
    {
        using var snapshot = _host.Acquire();
        Suggester suggester;
        lock (_gate)
        {
            if (_current is not { } current || current.Generation != snapshot.Commit.Generation)
            {
                _current = current = (snapshot.Commit.Generation, Suggester.Build(snapshot));
            }

            suggester = current.Suggester;
        }

        return suggester.Suggest(prefix, limit);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Values kept per index snapshot, at most a capacity of them each, least recently used out. A
/// snapshot never changes, so nothing kept for it goes stale; its entries die with it.
/// </summary>
internal sealed class SnapshotLru<T>(int capacity)
    where T : class
{
    private readonly ConditionalWeakTable<IndexSnapshot, Entries> _bySnapshot = new();

    /// <summary>Entries kept per snapshot (0 keeps nothing).</summary>
    public int Capacity { get; } = Math.Max(0, capacity);

    /// <summary>The value kept under <paramref name="key"/> for <paramref name="snapshot"/>, if any.</summary>
    public bool TryGet(IndexSnapshot snapshot, string key, [NotNullWhen(true)] out T? value)
    {
        value = null;
        return Capacity > 0 && _bySnapshot.TryGetValue(snapshot, out var entries) && entries.TryGet(key, out value);
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> for <paramref name="snapshot"/> (the first of two racing adds stays).</summary>
    public void Add(IndexSnapshot snapshot, string key, T value)
    {
        if (Capacity > 0)
        {
            _bySnapshot.GetValue(snapshot, _ => new Entries(Capacity)).Add(key, value);
        }
    }

    private sealed class Entries(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, T Value)>> _map = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, T Value)> _order = new();
        private readonly Lock _gate = new();

        public bool TryGet(string key, [NotNullWhen(true)] out T? value)
        {
            lock (_gate)
            {
                if (_map.TryGetValue(key, out var node))
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    value = node.Value.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public void Add(string key, T value)
        {
            lock (_gate)
            {
                if (_map.ContainsKey(key))
                {
                    return;
                }

                _map[key] = _order.AddFirst((key, value));
                if (_map.Count > capacity)
                {
                    _map.Remove(_order.Last!.Value.Key);
                    _order.RemoveLast();
                }
            }
        }
    }
}

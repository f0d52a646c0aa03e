using System.Runtime.ExceptionServices;

namespace SearchService.Core.Catalog;

/// <summary>
/// Runs <c>work</c> over a sequence on worker threads, ahead of the one consumer, and hands the
/// results back in the sequence's order: import lines are parsed and analyzed on the workers while
/// the single index writer takes them one by one, exactly in file order. At most
/// <c>capacity</c> items are in flight, so a fast reader never fills memory ahead of a slow writer.
/// </summary>
/// <remarks>
/// With no worker threads, the work runs on the consumer's thread as it enumerates. An exception
/// of the source or of the work reaches the consumer at the item where it happened, after the
/// items before it. Disposing (or breaking out of <see cref="Results"/>) stops the workers.
/// </remarks>
internal sealed class ReadAheadPipeline<TIn, TOut> : IDisposable
{
    private readonly IEnumerator<TIn> _source;
    private readonly Func<TIn, TOut> _work;
    private readonly int _capacity;
    private readonly Slot[] _ring;
    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private long _taken;
    private long _consumed;
    private long _end = long.MaxValue;
    private Exception? _sourceError;
    private bool _stopped;

    public ReadAheadPipeline(IEnumerable<TIn> source, Func<TIn, TOut> work, int threads, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _source = source.GetEnumerator();
        _work = work;
        _capacity = Math.Max(capacity, Math.Max(threads, 1));
        _ring = new Slot[_capacity];
        _workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"read-ahead {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>The results, in the source's order.</summary>
    public IEnumerable<TOut> Results()
    {
        if (_workers.Length == 0)
        {
            while (_source.MoveNext())
            {
                yield return _work(_source.Current);
            }

            yield break;
        }

        for (var sequence = 0L; ; sequence++)
        {
            Slot slot;
            lock (_gate)
            {
                var index = (int)(sequence % _capacity);
                while (!_ring[index].Ready && sequence < _end)
                {
                    Monitor.Wait(_gate);
                }

                if (sequence >= _end)
                {
                    if (_sourceError is not null)
                    {
                        ExceptionDispatchInfo.Throw(_sourceError);
                    }

                    yield break;
                }

                slot = _ring[index];
                _ring[index] = default;
                _consumed = sequence + 1;
                Monitor.PulseAll(_gate);
            }

            if (slot.Error is not null)
            {
                ExceptionDispatchInfo.Throw(slot.Error);
            }

            yield return slot.Value!;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _source.Dispose();
    }

    private void Work()
    {
        while (true)
        {
            TIn item;
            long sequence;
            lock (_gate)
            {
                while (!_stopped && _end == long.MaxValue && _taken - _consumed >= _capacity)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopped || _end != long.MaxValue)
                {
                    return;
                }

                try
                {
                    if (!_source.MoveNext())
                    {
                        _end = _taken;
                        Monitor.PulseAll(_gate);
                        return;
                    }
                }
                catch (Exception e)
                {
                    _sourceError = e;
                    _end = _taken;
                    Monitor.PulseAll(_gate);
                    return;
                }

                item = _source.Current;
                sequence = _taken++;
            }

            var slot = default(Slot);
            try
            {
                slot.Value = _work(item);
            }
            catch (Exception e)
            {
                slot.Error = e;
            }

            slot.Ready = true;
            lock (_gate)
            {
                _ring[(int)(sequence % _capacity)] = slot;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private struct Slot
    {
        public bool Ready;
        public TOut? Value;
        public Exception? Error;
    }
}

namespace SearchService.Core.Tests.Search;

/// <summary>One <see cref="TestIndex"/> of the samples shared by a test class (xunit class fixture).</summary>
public sealed class SampleIndexFixture : IDisposable
{
    /// <summary>The index of the samples.</summary>
    public TestIndex Index { get; } = TestIndex.OfSamples();

    /// <summary>Deletes the index.</summary>
    public void Dispose() => Index.Dispose();
}

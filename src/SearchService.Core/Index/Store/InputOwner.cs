namespace SearchService.Core.Index.Store;

/// <summary>Closes an <see cref="IndexInput"/>'s file at the end of a <c>using</c> (inputs read once, such as norms at open).</summary>
internal readonly struct InputOwner : IDisposable
{
    public InputOwner(IndexInput input) => Input = input;

    public IndexInput Input { get; }

    public void Dispose() => Input.CloseFile();
}

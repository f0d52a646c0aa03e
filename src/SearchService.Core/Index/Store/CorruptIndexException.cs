namespace SearchService.Core.Index.Store;

/// <summary>An index file is damaged: a wrong checksum, header, length or value. Names the file.</summary>
public sealed class CorruptIndexException : IOException
{
    /// <summary>Creates the exception for <paramref name="fileName"/>.</summary>
    public CorruptIndexException(string fileName, string problem)
        : base($"corrupt index file '{fileName}': {problem}")
    {
        FileName = fileName;
    }

    /// <summary>The damaged file's name.</summary>
    public string FileName { get; }
}

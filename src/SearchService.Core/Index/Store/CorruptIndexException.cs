namespace SearchService.Core.Index.Store;

/// <summary>An index file is damaged: a wrong checksum, header, length or value. Names the file.</summary>
public class CorruptIndexException : IOException
{
    /// <summary>Creates the exception for <paramref name="fileName"/>.</summary>
    public CorruptIndexException(string fileName, string problem)
        : this(fileName, problem, $"corrupt index file '{fileName}': {problem}")
    {
    }

    /// <summary>For subclasses that word the whole message themselves.</summary>
    protected CorruptIndexException(string fileName, string problem, string message)
        : base(message)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The damaged file's name.</summary>
    public string FileName { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}

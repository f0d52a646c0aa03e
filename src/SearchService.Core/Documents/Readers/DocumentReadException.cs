namespace SearchService.Core.Documents.Readers;

/// <summary>
/// A file could not be turned into text: not text at all, an unsupported type, too large, damaged,
/// or its converter is missing. The message names the file, so a batch run can report it and go on.
/// </summary>
public class DocumentReadException : Exception
{
    public DocumentReadException()
        : this("(unknown)", "could not read the document")
    {
    }

    public DocumentReadException(string message)
        : this("(unknown)", message)
    {
    }

    public DocumentReadException(string message, Exception innerException)
        : this("(unknown)", message, innerException)
    {
    }

    public DocumentReadException(string filePath, string reason, Exception? innerException = null)
        : base($"{filePath}: {reason}", innerException)
    {
        FilePath = filePath;
        Reason = reason;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>Why, without the file name.</summary>
    public string Reason { get; }
}

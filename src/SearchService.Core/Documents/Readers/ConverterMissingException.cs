namespace SearchService.Core.Documents.Readers;

/// <summary>
/// The external tool a format needs (pdftotext for .pdf) is not installed; the message says which
/// tool and how to install it, because "file not found" from Process.Start would point at the wrong file.
/// </summary>
public sealed class ConverterMissingException : DocumentReadException
{
    public ConverterMissingException()
        : this("(unknown)", "(unknown)", "")
    {
    }

    public ConverterMissingException(string message)
        : this("(unknown)", "(unknown)", message)
    {
    }

    public ConverterMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
        ToolName = "(unknown)";
    }

    public ConverterMissingException(string filePath, string toolName, string installHint, Exception? innerException = null)
        : base(filePath, $"{toolName} is not installed or not on PATH; {installHint}", innerException)
    {
        ToolName = toolName;
    }

    /// <summary>The missing program, e.g. "pdftotext".</summary>
    public string ToolName { get; }
}

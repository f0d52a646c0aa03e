using SearchService.Core.Documents.Readers;

namespace SearchService.Core.Tests.Documents;

/// <summary>A fact that needs pdftotext; skipped with a message where poppler-utils is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PdfFactAttribute : FactAttribute
{
    public PdfFactAttribute()
    {
        if (!PdfFileReader.IsAvailable())
        {
            Skip = "pdftotext not found on PATH: run scripts/setup.sh to install poppler-utils";
        }
    }
}

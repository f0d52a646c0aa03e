namespace SearchService.Core.Documents;

/// <summary>Who signed the document, and as what ("Bí thư", "Phó Bí thư"); the title is null when not written.</summary>
public sealed record Signer(string Name, string? Title);

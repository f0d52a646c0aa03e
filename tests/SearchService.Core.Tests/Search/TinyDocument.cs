namespace SearchService.Core.Tests.Search;

/// <summary>A document of a <see cref="TinyIndex"/>.</summary>
internal sealed record TinyDocument(string Id, string Body, string? Title = null, string? Locality = null, string[]? Codes = null, DateOnly? Date = null, string Type = "conclusion");

namespace SearchService.Core.Documents;

/// <summary>One top-level section of a document (results, limitations, tasks, organisation …), in order.</summary>
public sealed record DocumentSection(string Heading, string Text);

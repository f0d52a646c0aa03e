namespace SearchService.Core.Search.Similar;

/// <summary>A term that characterizes a document, and how much: the makings of a "more like this" query.</summary>
/// <param name="Field">The text field the term is indexed in.</param>
/// <param name="Term">The term as the indexing chain emits it ("giải_phóng", "18-nq/tu", "gpmb").</param>
/// <param name="Weight">Its tf-idf in the source document; use it as the term's boost.</param>
public sealed record WeightedTerm(string Field, string Term, double Weight);

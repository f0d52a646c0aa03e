namespace SearchService.Api.Contracts;

/// <summary>One completion for a typed prefix.</summary>
/// <param name="Text">The completion as written in the documents ("Từ Sơn").</param>
/// <param name="Field">Where it comes from: locality, province, committee ("Đảng ủy phường Quy Nhơn Nam"), code or title.</param>
/// <param name="Documents">Documents it occurs in.</param>
public sealed record SuggestionItem(string Text, string Field, int Documents);

namespace Directory.Core.Geography;

/// <summary>
/// Thrown when the input of a geography import has problems. Nothing has been written when it is thrown.
/// </summary>
public sealed class GeographyImportException(IReadOnlyList<ImportProblem> problems)
    : Exception($"The geography import found {problems.Count} problem(s); nothing was written.")
{
    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

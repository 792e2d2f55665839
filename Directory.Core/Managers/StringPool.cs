namespace Directory.Core.Managers;

/// <summary>
/// Hands out one instance per distinct text while a snapshot is built. Entries repeat their organisation, town,
/// postcode, website, area and names; keeping one copy each halved the memory of 100,000 public entries
/// (docs/performance.md). Not thread-safe: one pool per load.
/// </summary>
public sealed class StringPool
{
    private readonly HashSet<string> texts = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="text"/> (null stays null).</summary>
    public string? Get(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (texts.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        texts.Add(text);
        return text;
    }
}

using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Storage;

namespace Directory.Core.Snapshot;

/// <summary>
/// What a snapshot keeps of the list: the public view (consent given, status active, public fields only), the
/// active entries as coverage sees them (published or not) and the areas they cover. Built from the rows of the
/// list (<see cref="ReadAsync"/>) or from its stored copy (<see cref="ServedListCache"/>); both give equal objects.
/// </summary>
/// <param name="PublicManagers">The managers the public may see, ordered by id.</param>
/// <param name="CoverageManagers">Every active manager, published or not: an entry without consent is never shown,
/// but it still covers its area (and counts for reach only at its area's label point:
/// <see cref="CoverageManager.AtPublicPositions"/>).</param>
public sealed record ServedList(IReadOnlyList<PublicFamilyManager> PublicManagers, IReadOnlyList<CoverageManager> CoverageManagers)
{
    /// <summary>
    /// Area keys (AGS or Kreis) with an active manager, published or not: computed from
    /// <see cref="CoverageManagers"/> at each call (once per snapshot), so that a copy made with <c>with</c> cannot
    /// carry the set of another list.
    /// </summary>
    public IReadOnlySet<string> CoveredAreaKeys() => CoverageManagers.Select(m => m.AreaKey).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The public manager with this id, or null: a binary search over <see cref="PublicManagers"/>, which are ordered
    /// by id (a dictionary by id cost 2.6 MB at 100,000 entries; docs/performance.md).
    /// </summary>
    public PublicFamilyManager? FindPublic(int id) => PositionOf(PublicManagers, id) is { } at ? PublicManagers[at] : null;

    /// <summary>The position of the manager with this id in <paramref name="orderedById"/>, or null; by halves.</summary>
    public static int? PositionOf(IReadOnlyList<PublicFamilyManager> orderedById, int id)
    {
        var (low, high) = (0, orderedById.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = orderedById[middle].Id;
            if (at == id)
            {
                return middle;
            }

            (low, high) = at < id ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    /// <summary>Throws unless <see cref="PublicManagers"/> are ordered by id, as <see cref="FindPublic"/> needs.</summary>
    public void CheckOrderedById()
    {
        for (var i = 1; i < PublicManagers.Count; i++)
        {
            if (PublicManagers[i - 1].Id >= PublicManagers[i].Id)
            {
                throw new InvalidOperationException($"The public managers are not ordered by id at position {i}.");
            }
        }
    }

    /// <summary>
    /// Reads every entry of the list (inside the context's transaction when it has one) and keeps only what the
    /// snapshot needs. Streamed: 100,000 entities with their points are never held at once.
    /// </summary>
    public static async Task<ServedList> ReadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var publicManagers = new List<PublicFamilyManager>();
        var coverageManagers = new List<CoverageManager>();
        var texts = new StringPool();
        await foreach (var manager in ReadEntriesAsync(db, cancellationToken))
        {
            if (PublicFamilyManager.From(manager, texts) is { } visible)
            {
                publicManagers.Add(visible);
            }

            if (manager.Status == ManagerStatus.Active)
            {
                coverageManagers.Add(new CoverageManager(texts.Get(manager.AreaKey)!, manager.Location.X, manager.Location.Y, manager.IsPublic,
                    manager.CertifiedOn));
            }
        }

        return new ServedList(publicManagers, coverageManagers);
    }

    /// <summary>Every entry of the list, ordered by id, streamed (inside the context's transaction when it has one).</summary>
    public static IAsyncEnumerable<FamilyManager> ReadEntriesAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.Model.FindEntityType(typeof(FamilyManager))!.GetProperties().Count() == Properties.Length
            ? Rows.StreamAsync<FamilyManager, FamilyManager>(db, Properties, [nameof(FamilyManager.Id)], Read, cancellationToken)
            : throw new InvalidOperationException($"{nameof(ServedList)} does not read every property of {nameof(FamilyManager)}.");

    // Every property of the entity: a property added to it must be read here too, or every snapshot would silently
    // lack it (ServedListReadTests compares each entry with what EF Core reads, on both stores).
    private static readonly string[] Properties =
    [
        nameof(FamilyManager.Id), nameof(FamilyManager.CertificateNumber), nameof(FamilyManager.Surname),
        nameof(FamilyManager.FirstName), nameof(FamilyManager.Title), nameof(FamilyManager.AreaKey),
        nameof(FamilyManager.Organisation), nameof(FamilyManager.Street), nameof(FamilyManager.Postcode),
        nameof(FamilyManager.Town), nameof(FamilyManager.Email), nameof(FamilyManager.Phone), nameof(FamilyManager.Website),
        nameof(FamilyManager.CertifiedOn), nameof(FamilyManager.Status), nameof(FamilyManager.PublicationConsent),
        nameof(FamilyManager.FamilyContact), nameof(FamilyManager.LastCheckedOn), nameof(FamilyManager.LocationSource), nameof(FamilyManager.Location),
    ];

    private static FamilyManager Read(Row row) => new()
    {
        Id = row.Get<int>(nameof(FamilyManager.Id)),
        CertificateNumber = row.GetText(nameof(FamilyManager.CertificateNumber)),
        Surname = row.GetText(nameof(FamilyManager.Surname))!,
        FirstName = row.GetText(nameof(FamilyManager.FirstName))!,
        Title = row.GetText(nameof(FamilyManager.Title)),
        AreaKey = row.GetText(nameof(FamilyManager.AreaKey))!,
        Organisation = row.GetText(nameof(FamilyManager.Organisation)),
        Street = row.GetText(nameof(FamilyManager.Street)),
        Postcode = row.GetText(nameof(FamilyManager.Postcode)),
        Town = row.GetText(nameof(FamilyManager.Town)),
        Email = row.GetText(nameof(FamilyManager.Email)),
        Phone = row.GetText(nameof(FamilyManager.Phone)),
        Website = row.GetText(nameof(FamilyManager.Website)),
        CertifiedOn = row.Get<DateOnly?>(nameof(FamilyManager.CertifiedOn)),
        Status = row.Get<ManagerStatus>(nameof(FamilyManager.Status)),
        PublicationConsent = row.Get<bool>(nameof(FamilyManager.PublicationConsent)),
        FamilyContact = row.Get<bool?>(nameof(FamilyManager.FamilyContact)),
        LastCheckedOn = row.Get<DateOnly?>(nameof(FamilyManager.LastCheckedOn)),
        LocationSource = row.Get<LocationSource>(nameof(FamilyManager.LocationSource)),
        Location = row.Get<NetTopologySuite.Geometries.Point>(nameof(FamilyManager.Location)),
    };
}

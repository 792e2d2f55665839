using System.Buffers.Binary;
using System.Text;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Snapshot;

namespace Directory.Core.Tests.Snapshot;

/// <summary>
/// The bytes of the stored list copy: what goes in comes out, and bytes that are cut short, altered or of another
/// format give a <see cref="FormatException"/> (the service then reads the list itself), never anything else.
/// </summary>
public sealed class ServedListCacheFormatTests
{
    private static readonly ServedList List = new(
        [
            new PublicFamilyManager(3, "Dr.", "Anna", "Beispiel", "05966024", "Stadt Olpe", "Franziskanerstraße 6", "57462", "Olpe",
                "anna.beispiel@example.org", "02761 83-0", "https://example.org", 414_000.5, 5_654_000.25, false, 51.02, 7.85, true, new DateOnly(2026, 3, 14)),
            new PublicFamilyManager(7, null, "Jörg", "Muster", "05966", "Stadt Olpe", null, null, null, null, null, null,
                414_100, 5_654_100, true, 51.021, 7.851, false, null),
        ],
        [new CoverageManager("05966024", 414_000.5, 5_654_000.25, true, new DateOnly(2017, 3, 1)), new CoverageManager("05966", 414_100, 5_654_100, false, null), new CoverageManager("05315000", 356_000, 5_645_000, true, new DateOnly(2024, 12, 31))]);

    [Fact]
    public void WhatIsWrittenIsReadBack()
    {
        var read = ServedListCache.Deserialize(ServedListCache.Serialize(List));

        Assert.Equal(List.PublicManagers, read.PublicManagers);
        Assert.Equal(List.CoverageManagers, read.CoverageManagers);
        Assert.Equal(["05315000", "05966", "05966024"], read.CoveredAreaKeys().Order());
        // The organisation is stored once, so both entries share one instance.
        Assert.Same(read.PublicManagers[0].Organisation, read.PublicManagers[1].Organisation);
    }

    [Fact]
    public void AnEmptyListIsReadBackEmpty()
    {
        var read = ServedListCache.Deserialize(ServedListCache.Serialize(new ServedList([], [])));

        Assert.Empty(read.PublicManagers);
        Assert.Empty(read.CoverageManagers);
    }

    [Fact]
    public void EveryCutIsAFormatError()
    {
        var bytes = ServedListCache.Serialize(List);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<FormatException>(() => ServedListCache.Deserialize(bytes[..length]));
        }

        Assert.Throws<FormatException>(() => ServedListCache.Deserialize([.. bytes, 0]));
    }

    [Fact]
    public void AlteredBytesAreAFormatErrorOrStillAList()
    {
        var bytes = ServedListCache.Serialize(List);
        var random = new Random(20261126);
        for (var round = 0; round < 2000; round++)
        {
            var altered = (byte[])bytes.Clone();
            altered[random.Next(altered.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                // A changed number (a coordinate, an id) still reads; nothing may fail any other way.
                ServedListCache.Deserialize(altered);
            }
            catch (FormatException)
            {
            }
        }
    }

    [Fact]
    public void AnotherFormatOrAHugeCountIsAFormatError()
    {
        var bytes = ServedListCache.Serialize(List);
        var otherFormat = (byte[])bytes.Clone();
        otherFormat[5] ^= 1; // inside the format text that follows the 4-byte magic and its length

        // The count of texts follows the magic and the format text; claim 2 billion of them.
        var formatLength = Encoding.UTF8.GetByteCount(ServedListCache.Format);
        var countAt = 4 + (formatLength < 128 ? 1 : 2) + formatLength;
        var huge = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(huge.AsSpan(countAt), 2_000_000_000);

        Assert.Throws<FormatException>(() => ServedListCache.Deserialize(otherFormat));
        Assert.Throws<FormatException>(() => ServedListCache.Deserialize(huge));
        Assert.Throws<FormatException>(() => ServedListCache.Deserialize("not a copy at all"u8.ToArray()));
    }

    [Fact]
    public void TheFormatNamesEveryPropertyOfTheStoredRecords()
    {
        // A property added to either record changes the format, so older copies are not read with the new layout.
        foreach (var property in typeof(PublicFamilyManager).GetProperties().Where(p => p.GetMethod!.IsPublic && p.CanWrite)
                     .Concat(typeof(CoverageManager).GetProperties().Where(p => p.CanWrite)))
        {
            Assert.Contains($" {property.Name}", ServedListCache.Format, StringComparison.Ordinal);
        }
    }
}

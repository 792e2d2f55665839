using System.Buffers.Binary;
using System.Text;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Snapshot;

/// <summary>
/// A stored copy of the <see cref="ServedList"/> in the database itself (<see cref="ServedListCopy"/>, one row): the
/// service reads it at start instead of every row of the list. At 100,000 entries the rows took 1.2–1.6 s of a start
/// on a 2-core machine, the copy (one blob of 11 MB) a fifth of that (docs/performance.md). Read through
/// <see cref="Rows"/>, written through EF Core, in the format documented in docs/architecture.md.
/// <para>
/// It is a cache, never the record: the row names the list's change counter (<see cref="DirectoryState"/>) it was
/// made from and the <see cref="Format"/> of this build, and it is used only when both match, inside the same read
/// transaction as the counter. Every write path bumps the counter, so a changed list always outdates the copy; a
/// file copied or restored carries its own copy with it. The service stores a new copy after it read the rows.
/// </para>
/// </summary>
public static class ServedListCache
{
    private static readonly byte[] Magic = "FMSL"u8.ToArray();

    // A certification date is stored as its day number; an entry without one as this.
    private const int NoDate = -1;

    /// <summary>
    /// The layout of the copy, taken from the records it holds: a property added, removed or retyped in
    /// <see cref="PublicFamilyManager"/> or <see cref="CoverageManager"/> makes every older copy unusable (the
    /// writer and reader below do not compile until they handle it).
    /// </summary>
    public static string Format { get; } = $"1;{Shape(typeof(PublicFamilyManager))};{Shape(typeof(CoverageManager))}";

    /// <summary>
    /// The stored copy made from the list at <paramref name="listVersion"/>, or null when there is none for that
    /// version and this <see cref="Format"/>. Call inside the read transaction that read the counter.
    /// </summary>
    /// <exception cref="FormatException">The copy is for this version and format but cannot be read (damaged).</exception>
    public static async Task<ServedList?> ReadAsync(DirectoryDbContext db, long listVersion, CancellationToken cancellationToken) =>
        await ReadBytesAsync(db, listVersion, cancellationToken) is { } data ? Deserialize(data) : null;

    /// <summary>
    /// The bytes of the stored copy made from the list at <paramref name="listVersion"/> in this
    /// <see cref="Format"/>, or null; for a caller that decodes them (<see cref="Deserialize"/>) beside other work.
    /// </summary>
    public static async Task<byte[]?> ReadBytesAsync(DirectoryDbContext db, long listVersion, CancellationToken cancellationToken)
    {
        var copies = await Rows.ReadAsync<ServedListCopy, (long Version, string Format, byte[] Data)>(db,
            [nameof(ServedListCopy.ListVersion), nameof(ServedListCopy.Format), nameof(ServedListCopy.Data)], [nameof(ServedListCopy.Id)],
            row => (row.Get<long>(nameof(ServedListCopy.ListVersion)), row.GetText(nameof(ServedListCopy.Format))!,
                row.Get<byte[]>(nameof(ServedListCopy.Data))),
            cancellationToken);
        return copies is [var copy] && copy.Version == listVersion && copy.Format == Format ? copy.Data : null;
    }

    /// <summary>
    /// Stores <paramref name="list"/> as the copy of the list at <paramref name="listVersion"/>, replacing whatever
    /// copy there was (outdated or damaged); false when the list has changed since, in which case there is no copy
    /// afterwards. Its own transaction; another instance storing at the same moment is no error.
    /// </summary>
    public static async Task<bool> StoreAsync(DirectoryDbContext db, ServedList list, long listVersion, CancellationToken cancellationToken)
    {
        var data = Serialize(list);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ServedListCopies.ExecuteDeleteAsync(cancellationToken);
        if ((await DirectoryState.ReadAsync(db, cancellationToken)).List != listVersion)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        db.ServedListCopies.Add(new ServedListCopy { Id = 1, ListVersion = listVersion, Format = Format, Data = data });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same version between our delete and insert (PostgreSQL): its copy serves.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The copy's bytes: the format, a table of the distinct texts (UTF-8, each once: entries repeat organisations,
    /// towns, areas and names), then the entries with indexes into that table and their numbers.
    /// </summary>
    public static byte[] Serialize(ServedList list)
    {
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Ref(string? text)
        {
            if (text is null)
            {
                return 0;
            }

            if (!texts.TryGetValue(text, out var index))
            {
                table.Add(text);
                index = texts[text] = table.Count;
            }

            return index;
        }

        // Texts first (the reader needs them before the entries), so the entries are written to a second buffer.
        using var entries = new MemoryStream();
        using (var writer = new BinaryWriter(entries, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(list.PublicManagers.Count);
            foreach (var m in list.PublicManagers)
            {
                writer.Write(m.Id);
                foreach (var text in (string?[])[m.Title, m.FirstName, m.Surname, m.AreaKey, m.Organisation, m.Street,
                             m.Postcode, m.Town, m.Email, m.Phone, m.Website])
                {
                    writer.Write7BitEncodedInt(Ref(text));
                }

                writer.Write(m.X);
                writer.Write(m.Y);
                writer.Write(m.IsApproximate);
                writer.Write(m.Latitude);
                writer.Write(m.Longitude);
                writer.Write((byte)(m.FamilyContact switch { null => 0, false => 1, true => 2 }));
                writer.Write(m.LastChecked?.DayNumber ?? NoDate);
            }

            writer.Write(list.CoverageManagers.Count);
            foreach (var m in list.CoverageManagers)
            {
                writer.Write7BitEncodedInt(Ref(m.AreaKey));
                writer.Write(m.X);
                writer.Write(m.Y);
                writer.Write(m.Published);
                writer.Write(m.CertifiedOn?.DayNumber ?? NoDate);
            }
        }

        using var copy = new MemoryStream((int)entries.Length + table.Count * 16 + 256);
        using (var writer = new BinaryWriter(copy, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Format);
            writer.Write(table.Count);
            foreach (var text in table)
            {
                writer.Write(text);
            }

            entries.Position = 0;
            entries.CopyTo(copy);
        }

        return copy.ToArray();
    }

    /// <summary>Reads bytes made by <see cref="Serialize"/>.</summary>
    /// <exception cref="FormatException">Not a copy of this format, cut short or inconsistent.</exception>
    /// <remarks>
    /// Read from the span directly rather than through a <see cref="BinaryReader"/> over a stream: the copy is read
    /// on every start, and at 100,000 entries this took a fifth less time (89 against 110 ms; docs/performance.md).
    /// </remarks>
    public static ServedList Deserialize(byte[] data)
    {
        var reader = new SpanReader(data);
        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic) || reader.String() != Format)
        {
            throw new FormatException("Not a stored list of this format.");
        }

        var table = new string?[reader.Count() + 1];
        for (var i = 1; i < table.Length; i++)
        {
            table[i] = reader.String();
        }

        var publicManagers = new PublicFamilyManager[reader.Count()];
        for (var i = 0; i < publicManagers.Length; i++)
        {
            publicManagers[i] = new PublicFamilyManager(reader.Int32(), Title: reader.Text(table), FirstName: reader.Required(table),
                Surname: reader.Required(table), AreaKey: reader.Required(table), Organisation: reader.Text(table),
                Street: reader.Text(table), Postcode: reader.Text(table), Town: reader.Text(table), Email: reader.Text(table),
                Phone: reader.Text(table), Website: reader.Text(table), X: reader.Double(), Y: reader.Double(),
                IsApproximate: reader.Boolean(), Latitude: reader.Double(), Longitude: reader.Double(),
                FamilyContact: reader.OptionalBoolean(), LastChecked: DayOrNull(reader.Int32()));
        }

        var coverageManagers = new CoverageManager[reader.Count()];
        for (var i = 0; i < coverageManagers.Length; i++)
        {
            coverageManagers[i] = new CoverageManager(reader.Required(table), reader.Double(), reader.Double(), reader.Boolean(),
                DayOrNull(reader.Int32()));
        }

        if (reader.Remaining != 0)
        {
            throw new FormatException($"{reader.Remaining} bytes after the last entry.");
        }

        return new ServedList(publicManagers, coverageManagers);
    }

    private static DateOnly? DayOrNull(int day) => day switch
    {
        NoDate => null,
        >= 0 when day <= DateOnly.MaxValue.DayNumber => DateOnly.FromDayNumber(day),
        _ => throw new FormatException($"{day} is not a day number."),
    };

    // Reads what BinaryWriter wrote (little-endian numbers, 7-bit encoded lengths and references, UTF-8 texts),
    // throwing FormatException for anything cut short or out of range.
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public readonly int Remaining => data.Length - position;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > Remaining)
            {
                throw new FormatException("The stored list is cut short.");
            }

            var bytes = data.Slice(position, count);
            position += count;
            return bytes;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(sizeof(int)));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(sizeof(double)));

        public bool Boolean() => Bytes(1)[0] != 0;

        // 0: not stated, 1: no, 2: yes.
        public bool? OptionalBoolean() => Bytes(1)[0] switch
        {
            0 => null,
            1 => false,
            2 => true,
            var other => throw new FormatException($"{other} is no optional yes or no."),
        };

        // A count can never exceed the bytes left: a damaged count must not allocate gigabytes before failing.
        public int Count() => Int32() is var count && count >= 0 && count <= Remaining
            ? count
            : throw new FormatException($"Implausible count {count}.");

        public int SevenBitInt()
        {
            var result = 0u;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Bytes(1)[0];
                if (shift == 28 && b > 0b1111)
                {
                    throw new FormatException("A number of the stored list is too large.");
                }

                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (int)result;
                }
            }

            throw new FormatException("A number of the stored list is too large.");
        }

        public string String() => SevenBitInt() is var length && length >= 0
            ? Encoding.UTF8.GetString(Bytes(length))
            : throw new FormatException($"Implausible text length {length}.");

        public string? Text(string?[] table) => SevenBitInt() is var index && (uint)index < (uint)table.Length
            ? table[index]
            : throw new FormatException($"Text reference {index} outside the table of {table.Length - 1}.");

        public string Required(string?[] table) => Text(table) ?? throw new FormatException("A required text is missing.");
    }

    private static string Shape(Type record) =>
        $"{record.Name}({string.Join(",", record.GetConstructors().Single().GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))})";
}

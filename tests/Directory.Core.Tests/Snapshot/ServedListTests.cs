using Directory.Core.Managers;
using Directory.Core.Snapshot;

namespace Directory.Core.Tests.Snapshot;

public sealed class ServedListTests
{
    private static PublicFamilyManager Manager(int id) =>
        new(id, null, "Anna", $"Beispiel {id}", "05315000", null, null, null, null, null, null, null, 356_000, 5_645_000, false, 50.94, 6.96, null, null);

    [Fact]
    public void FindPublicFindsEveryIdAndNothingElse()
    {
        // Ids with gaps, as a list has them after entries were withdrawn; the expected answers come from a linear scan.
        var random = new Random(3);
        var ids = Enumerable.Range(1, 2_000).Where(_ => random.Next(3) > 0).ToList();
        var list = new ServedList(ids.Select(Manager).ToList(), []);
        list.CheckOrderedById();

        for (var id = -1; id <= 2_002; id++)
        {
            Assert.Same(list.PublicManagers.SingleOrDefault(m => m.Id == id), list.FindPublic(id));
        }
    }

    [Fact]
    public void FindPublicInAnEmptyListFindsNothing() => Assert.Null(new ServedList([], []).FindPublic(1));

    [Theory]
    [InlineData(new[] { 1, 3, 2 }, 2)]
    [InlineData(new[] { 5, 5 }, 1)]
    public void AListNotOrderedByIdIsRefused(int[] ids, int position)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServedList(ids.Select(Manager).ToList(), []).CheckOrderedById());
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }
}

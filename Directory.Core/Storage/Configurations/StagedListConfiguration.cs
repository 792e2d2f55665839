using Directory.Core.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class StagedListConfiguration : IEntityTypeConfiguration<StagedList>
{
    public void Configure(EntityTypeBuilder<StagedList> builder)
    {
        builder.ToTable("staged_lists");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Mode).HasConversion<string>();
    }
}

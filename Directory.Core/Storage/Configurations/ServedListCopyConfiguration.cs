using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class ServedListCopyConfiguration : IEntityTypeConfiguration<ServedListCopy>
{
    public void Configure(EntityTypeBuilder<ServedListCopy> builder)
    {
        builder.ToTable("served_list_cache");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.ListVersion).HasColumnName("list_version");
        builder.Property(c => c.Format).HasColumnName("format");
        builder.Property(c => c.Data).HasColumnName("data");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class DirectoryStateConfiguration : IEntityTypeConfiguration<DirectoryState>
{
    public void Configure(EntityTypeBuilder<DirectoryState> builder)
    {
        builder.ToTable(DirectoryState.Table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName(DirectoryState.IdColumn).ValueGeneratedNever();
        builder.Property(s => s.GeographyVersion).HasColumnName(DirectoryState.GeographyVersionColumn);
        builder.Property(s => s.ListVersion).HasColumnName(DirectoryState.ListVersionColumn);
        builder.HasData(new DirectoryState { Id = 1 });
    }
}

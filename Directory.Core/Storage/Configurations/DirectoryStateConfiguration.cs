using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class DirectoryStateConfiguration : IEntityTypeConfiguration<DirectoryState>
{
    public void Configure(EntityTypeBuilder<DirectoryState> builder)
    {
        builder.ToTable("directory_state");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("Id").ValueGeneratedNever();
        builder.Property(s => s.GeographyVersion).HasColumnName("geography_version");
        builder.Property(s => s.ListVersion).HasColumnName("list_version");
        builder.HasData(new DirectoryState { Id = 1 });
    }
}

using Directory.Core.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class PublicChangeConfiguration : IEntityTypeConfiguration<PublicChange>
{
    public void Configure(EntityTypeBuilder<PublicChange> builder)
    {
        builder.ToTable("public_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.ChangedAtUtc).HasColumnName("zeitpunkt_utc").HasColumnType("DATETIME");
        builder.Property(c => c.Kind).HasColumnName("art");
        builder.Property(c => c.ManagerId).HasColumnName("eintrag_id");
        builder.Property(c => c.Name).HasColumnName("name");
        builder.Property(c => c.AreaKey).HasColumnName("gebiet");
        builder.HasIndex(c => c.AreaKey);
        builder.Property(c => c.Fields).HasColumnName("felder");
    }
}

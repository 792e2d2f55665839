using Directory.Core.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class ManagerReportConfiguration : IEntityTypeConfiguration<ManagerReport>
{
    public void Configure(EntityTypeBuilder<ManagerReport> builder)
    {
        // Not a GeoPackage layer (not in gpkg_contents): personal data for staff, like the staff accounts.
        builder.ToTable("meldungen");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.ManagerId).HasColumnName("eintrag_id");
        builder.HasIndex(r => r.ManagerId);
        builder.Property(r => r.Entry).HasColumnName("eintrag");
        builder.Property(r => r.Kind).HasColumnName("art");
        builder.Property(r => r.Message).HasColumnName("text");
        builder.Property(r => r.Email).HasColumnName("email");
        builder.Property(r => r.ReceivedAtUtc).HasColumnName("eingegangen_utc").HasColumnType("DATETIME");
        builder.Property(r => r.DoneAtUtc).HasColumnName("erledigt_utc").HasColumnType("DATETIME");
        builder.HasIndex(r => r.DoneAtUtc);
        builder.Property(r => r.DoneBy).HasColumnName("erledigt_von");
    }
}

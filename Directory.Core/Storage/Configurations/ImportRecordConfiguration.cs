using Directory.Core.Managers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Directory.Core.Storage.Configurations;

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable(GeoPackageLayers.ImportHistory);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("fid");
        builder.Property(r => r.ImportedAtUtc).HasColumnName("zeitpunkt_utc").HasColumnType("DATETIME");
        builder.Property(r => r.FileName).HasColumnName("datei");
        builder.Property(r => r.Sha256).HasColumnName("sha256");
        builder.Property(r => r.Mode).HasColumnName("modus");
        builder.Property(r => r.Result).HasColumnName("ergebnis");
        builder.Property(r => r.RowsRead).HasColumnName("zeilen_gelesen");
        builder.Property(r => r.RowsAccepted).HasColumnName("zeilen_angenommen");
        builder.Property(r => r.RowsRejected).HasColumnName("zeilen_abgelehnt");
        builder.Property(r => r.Warnings).HasColumnName("warnungen");
        builder.Property(r => r.Added).HasColumnName("neu");
        builder.Property(r => r.Changed).HasColumnName("geaendert");
        builder.Property(r => r.Removed).HasColumnName("entfernt");
        builder.Property(r => r.Unchanged).HasColumnName("unveraendert");
        builder.Property(r => r.ImportedBy).HasColumnName("von");
        builder.Property(r => r.Report).HasColumnName("bericht_json");
    }
}

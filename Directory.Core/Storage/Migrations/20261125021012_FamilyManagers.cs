using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>The layer of family managers and the import history.</summary>
    public partial class FamilyManagers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Explicit SQL for the geometry table: see InitialGeography for why CreateTable cannot be used.
            migrationBuilder.Sql("""
                CREATE TABLE "familienmanager" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_familienmanager" PRIMARY KEY AUTOINCREMENT,
                    "zertifikatsnummer" TEXT NULL,
                    "nachname" TEXT NOT NULL,
                    "vorname" TEXT NOT NULL,
                    "titel" TEXT NULL,
                    "gebiet" TEXT NOT NULL,
                    "organisation" TEXT NULL,
                    "strasse" TEXT NULL,
                    "plz" TEXT NULL,
                    "ort" TEXT NULL,
                    "email" TEXT NULL,
                    "telefon" TEXT NULL,
                    "website" TEXT NULL,
                    "zertifiziert_am" DATE NULL,
                    "status" TEXT NOT NULL,
                    "veroeffentlichen" INTEGER NOT NULL,
                    "lage_quelle" TEXT NOT NULL,
                    "geom" POINT NOT NULL
                );
                """);

            migrationBuilder.CreateTable(
                name: "import_history",
                columns: table => new
                {
                    fid = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    zeitpunkt_utc = table.Column<DateTime>(type: "DATETIME", nullable: false),
                    datei = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    modus = table.Column<string>(type: "TEXT", nullable: false),
                    ergebnis = table.Column<string>(type: "TEXT", nullable: false),
                    zeilen_gelesen = table.Column<int>(type: "INTEGER", nullable: false),
                    zeilen_angenommen = table.Column<int>(type: "INTEGER", nullable: false),
                    zeilen_abgelehnt = table.Column<int>(type: "INTEGER", nullable: false),
                    warnungen = table.Column<int>(type: "INTEGER", nullable: false),
                    neu = table.Column<int>(type: "INTEGER", nullable: false),
                    geaendert = table.Column<int>(type: "INTEGER", nullable: false),
                    entfernt = table.Column<int>(type: "INTEGER", nullable: false),
                    unveraendert = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_history", x => x.fid);
                });

            migrationBuilder.CreateIndex(
                name: "IX_familienmanager_gebiet",
                table: "familienmanager",
                column: "gebiet");

            migrationBuilder.CreateIndex(
                name: "IX_familienmanager_zertifikatsnummer",
                table: "familienmanager",
                column: "zertifikatsnummer",
                unique: true);

            GeoPackageLayers.RegisterLayer(migrationBuilder, "familienmanager", "POINT", 25832,
                "Familienmanager NRW", "Zertifizierte Familienmanagerinnen und Familienmanager (auch nicht öffentliche Einträge)");
            GeoPackageLayers.RegisterAttributeTable(migrationBuilder, "import_history",
                "Importprotokoll", "Jeder Import einer Zertifizierungsliste: Zeitpunkt, Datei, SHA-256, Zahlen, Ergebnis");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM gpkg_geometry_columns WHERE table_name = 'familienmanager'");
            migrationBuilder.Sql("DELETE FROM gpkg_contents WHERE table_name IN ('familienmanager', 'import_history')");
            migrationBuilder.DropTable(
                name: "familienmanager");

            migrationBuilder.DropTable(
                name: "import_history");
        }
    }
}

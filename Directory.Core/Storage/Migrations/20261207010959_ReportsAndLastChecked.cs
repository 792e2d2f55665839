using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReportsAndLastChecked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "geprueft_am",
                table: "familienmanager",
                type: "DATE",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meldungen",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    eintrag_id = table.Column<int>(type: "INTEGER", nullable: false),
                    eintrag = table.Column<string>(type: "TEXT", nullable: false),
                    art = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    eingegangen_utc = table.Column<DateTime>(type: "DATETIME", nullable: false),
                    erledigt_utc = table.Column<DateTime>(type: "DATETIME", nullable: true),
                    erledigt_von = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meldungen", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meldungen_eintrag_id",
                table: "meldungen",
                column: "eintrag_id");

            migrationBuilder.CreateIndex(
                name: "IX_meldungen_erledigt_utc",
                table: "meldungen",
                column: "erledigt_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meldungen");

            // In place (see migration FamilyContact): EF Core's table rebuild would call SpatiaLite's AddGeometryColumn.
            migrationBuilder.Sql("ALTER TABLE familienmanager DROP COLUMN geprueft_am;");
        }
    }
}

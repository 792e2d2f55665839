using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    eintrag_id = table.Column<int>(type: "integer", nullable: false),
                    eintrag = table.Column<string>(type: "text", nullable: false),
                    art = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    eingegangen_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    erledigt_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    erledigt_von = table.Column<string>(type: "text", nullable: true)
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

            migrationBuilder.DropColumn(
                name: "geprueft_am",
                table: "familienmanager");
        }
    }
}

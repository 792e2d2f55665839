using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PublicChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    zeitpunkt_utc = table.Column<DateTime>(type: "DATETIME", nullable: false),
                    art = table.Column<string>(type: "TEXT", nullable: false),
                    eintrag_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    gebiet = table.Column<string>(type: "TEXT", nullable: false),
                    felder = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_public_changes_gebiet",
                table: "public_changes",
                column: "gebiet");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "public_changes");
        }
    }
}

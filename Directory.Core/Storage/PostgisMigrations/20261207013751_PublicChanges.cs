using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    zeitpunkt_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    art = table.Column<string>(type: "text", nullable: false),
                    eintrag_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    gebiet = table.Column<string>(type: "text", nullable: false),
                    felder = table.Column<string>(type: "text", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "bevoelkerung_1km",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cell_id = table.Column<string>(type: "text", nullable: false),
                    einwohner_2011 = table.Column<int>(type: "integer", nullable: false),
                    ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    geom = table.Column<Point>(type: "geometry(Point, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bevoelkerung_1km", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    geography_version = table.Column<long>(type: "bigint", nullable: false),
                    list_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "familienmanager",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    zertifikatsnummer = table.Column<string>(type: "text", nullable: true),
                    nachname = table.Column<string>(type: "text", nullable: false),
                    vorname = table.Column<string>(type: "text", nullable: false),
                    titel = table.Column<string>(type: "text", nullable: true),
                    gebiet = table.Column<string>(type: "text", nullable: false),
                    organisation = table.Column<string>(type: "text", nullable: true),
                    strasse = table.Column<string>(type: "text", nullable: true),
                    plz = table.Column<string>(type: "text", nullable: true),
                    ort = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    telefon = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    zertifiziert_am = table.Column<DateOnly>(type: "DATE", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    veroeffentlichen = table.Column<bool>(type: "boolean", nullable: false),
                    lage_quelle = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Point>(type: "geometry(Point, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_familienmanager", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "gemeinden",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_official = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    kreis_ags = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    regbez_ags = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    population_date = table.Column<DateOnly>(type: "DATE", nullable: false),
                    area_km2 = table.Column<double>(type: "double precision", nullable: false),
                    point_x = table.Column<double>(type: "double precision", nullable: false),
                    point_y = table.Column<double>(type: "double precision", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gemeinden", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "import_history",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    zeitpunkt_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    datei = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    modus = table.Column<string>(type: "text", nullable: false),
                    ergebnis = table.Column<string>(type: "text", nullable: false),
                    zeilen_gelesen = table.Column<int>(type: "integer", nullable: false),
                    zeilen_angenommen = table.Column<int>(type: "integer", nullable: false),
                    zeilen_abgelehnt = table.Column<int>(type: "integer", nullable: false),
                    warnungen = table.Column<int>(type: "integer", nullable: false),
                    neu = table.Column<int>(type: "integer", nullable: false),
                    geaendert = table.Column<int>(type: "integer", nullable: false),
                    entfernt = table.Column<int>(type: "integer", nullable: false),
                    unveraendert = table.Column<int>(type: "integer", nullable: false),
                    von = table.Column<string>(type: "text", nullable: true),
                    bericht_json = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_history", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "kreise",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kreis_ags = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_official = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    seat = table.Column<string>(type: "text", nullable: false),
                    regbez_ags = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    area_km2 = table.Column<double>(type: "double precision", nullable: false),
                    municipality_count = table.Column<int>(type: "integer", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kreise", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "postleitzahlen",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    plz = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    place = table.Column<string>(type: "text", nullable: false),
                    ags = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    geom = table.Column<Point>(type: "geometry(Point, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postleitzahlen", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "regierungsbezirke",
                columns: table => new
                {
                    fid = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    regbez_ags = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_official = table.Column<string>(type: "text", nullable: false),
                    seat = table.Column<string>(type: "text", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    area_km2 = table.Column<double>(type: "double precision", nullable: false),
                    municipality_count = table.Column<int>(type: "integer", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon, 25832)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regierungsbezirke", x => x.fid);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staged_lists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Mode = table.Column<string>(type: "text", nullable: false),
                    SkipInvalid = table.Column<bool>(type: "boolean", nullable: false),
                    StagedBy = table.Column<string>(type: "text", nullable: false),
                    StagedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BaseHistoryId = table.Column<int>(type: "integer", nullable: true),
                    Report = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staged_lists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_user_claims_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_staff_user_logins_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_staff_user_tokens_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "directory_state",
                columns: new[] { "Id", "geography_version", "list_version" },
                values: new object[] { 1, 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_bevoelkerung_1km_ags",
                table: "bevoelkerung_1km",
                column: "ags");

            migrationBuilder.CreateIndex(
                name: "IX_bevoelkerung_1km_geom",
                table: "bevoelkerung_1km",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_familienmanager_gebiet",
                table: "familienmanager",
                column: "gebiet");

            migrationBuilder.CreateIndex(
                name: "IX_familienmanager_geom",
                table: "familienmanager",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_familienmanager_zertifikatsnummer",
                table: "familienmanager",
                column: "zertifikatsnummer",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gemeinden_ags",
                table: "gemeinden",
                column: "ags",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gemeinden_geom",
                table: "gemeinden",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_kreise_geom",
                table: "kreise",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_kreise_kreis_ags",
                table: "kreise",
                column: "kreis_ags",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_postleitzahlen_geom",
                table: "postleitzahlen",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_postleitzahlen_plz",
                table: "postleitzahlen",
                column: "plz");

            migrationBuilder.CreateIndex(
                name: "IX_regierungsbezirke_geom",
                table: "regierungsbezirke",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_regierungsbezirke_regbez_ags",
                table: "regierungsbezirke",
                column: "regbez_ags",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_claims_UserId",
                table: "staff_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_logins_UserId",
                table: "staff_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bevoelkerung_1km");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "directory_state");

            migrationBuilder.DropTable(
                name: "familienmanager");

            migrationBuilder.DropTable(
                name: "gemeinden");

            migrationBuilder.DropTable(
                name: "import_history");

            migrationBuilder.DropTable(
                name: "kreise");

            migrationBuilder.DropTable(
                name: "postleitzahlen");

            migrationBuilder.DropTable(
                name: "regierungsbezirke");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "staged_lists");

            migrationBuilder.DropTable(
                name: "staff_users");
        }
    }
}

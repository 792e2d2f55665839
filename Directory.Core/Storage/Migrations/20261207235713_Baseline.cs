using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>
    /// The whole schema of the GeoPackage (SQLite) store in one step: the migrations of the development before any
    /// database existed outside it, squashed (issue 33). Frozen: literal SQL only, generated once by
    /// <c>dotnet ef migrations script</c> from those migrations, so that it never changes with the project's code. The
    /// layers are declared with plain SQL because EF Core Sqlite would make a geometry column a SpatiaLite one; the
    /// GeoPackage metadata, R-tree indexes and their triggers are part of the same script.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE gpkg_spatial_ref_sys (
                  srs_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL PRIMARY KEY,
                  organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL,
                  definition TEXT NOT NULL,
                  description TEXT
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE gpkg_contents (
                  table_name TEXT NOT NULL PRIMARY KEY,
                  data_type TEXT NOT NULL,
                  identifier TEXT UNIQUE,
                  description TEXT DEFAULT '',
                  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
                  srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE gpkg_geometry_columns (
                  table_name TEXT NOT NULL,
                  column_name TEXT NOT NULL,
                  geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL,
                  z TINYINT NOT NULL,
                  m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
                )
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_spatial_ref_sys" ("srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description")
                VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_spatial_ref_sys" ("srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description")
                VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_spatial_ref_sys" ("srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description")
                VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_spatial_ref_sys" ("srs_name", "srs_id", "organization", "organization_coordsys_id", "definition", "description")
                VALUES ('ETRS89 / UTM zone 32N', 25832, 'EPSG', 25832, 'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]', 'ETRS89 / UTM zone 32N, metres; the official CRS of NRW geodata');
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "gemeinden" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_gemeinden" PRIMARY KEY AUTOINCREMENT,
                    "ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "type" TEXT NOT NULL,
                    "kreis_ags" TEXT NOT NULL,
                    "regbez_ags" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "population_date" DATE NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "point_x" REAL NOT NULL,
                    "point_y" REAL NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "kreise" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_kreise" PRIMARY KEY AUTOINCREMENT,
                    "kreis_ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "type" TEXT NOT NULL,
                    "seat" TEXT NOT NULL,
                    "regbez_ags" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "municipality_count" INTEGER NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "regierungsbezirke" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_regierungsbezirke" PRIMARY KEY AUTOINCREMENT,
                    "regbez_ags" TEXT NOT NULL,
                    "name" TEXT NOT NULL,
                    "name_official" TEXT NOT NULL,
                    "seat" TEXT NOT NULL,
                    "population" INTEGER NOT NULL,
                    "area_km2" REAL NOT NULL,
                    "municipality_count" INTEGER NOT NULL,
                    "geom" MULTIPOLYGON NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "postleitzahlen" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_postleitzahlen" PRIMARY KEY AUTOINCREMENT,
                    "plz" TEXT NOT NULL,
                    "place" TEXT NOT NULL,
                    "ags" TEXT NOT NULL,
                    "geom" POINT NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_gemeinden_ags" ON "gemeinden" ("ags")
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_kreise_kreis_ags" ON "kreise" ("kreis_ags")
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_regierungsbezirke_regbez_ags" ON "regierungsbezirke" ("regbez_ags")
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_postleitzahlen_plz" ON "postleitzahlen" ("plz")
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('gemeinden', 'features', 'Gemeinden NRW', 'Die 396 Gemeinden Nordrhein-Westfalens (DVG2, GV100AD)', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('gemeinden', 'geom', 'MULTIPOLYGON', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('kreise', 'features', 'Kreise NRW', 'Die 31 Kreise und 22 kreisfreien Städte Nordrhein-Westfalens (DVG2)', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('kreise', 'geom', 'MULTIPOLYGON', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('regierungsbezirke', 'features', 'Regierungsbezirke NRW', 'Die 5 Regierungsbezirke Nordrhein-Westfalens (DVG2)', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('regierungsbezirke', 'geom', 'MULTIPOLYGON', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('postleitzahlen', 'features', 'Postleitzahlen NRW', 'Orte mit Postleitzahl (GeoNames), zugeordnet zu ihrer Gemeinde', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('postleitzahlen', 'geom', 'POINT', 25832, 0, 0);
                SELECT changes()
                """);

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
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "import_history" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_import_history" PRIMARY KEY AUTOINCREMENT,
                    "zeitpunkt_utc" DATETIME NOT NULL,
                    "datei" TEXT NOT NULL,
                    "sha256" TEXT NOT NULL,
                    "modus" TEXT NOT NULL,
                    "ergebnis" TEXT NOT NULL,
                    "zeilen_gelesen" INTEGER NOT NULL,
                    "zeilen_angenommen" INTEGER NOT NULL,
                    "zeilen_abgelehnt" INTEGER NOT NULL,
                    "warnungen" INTEGER NOT NULL,
                    "neu" INTEGER NOT NULL,
                    "geaendert" INTEGER NOT NULL,
                    "entfernt" INTEGER NOT NULL,
                    "unveraendert" INTEGER NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_familienmanager_gebiet" ON "familienmanager" ("gebiet")
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_familienmanager_zertifikatsnummer" ON "familienmanager" ("zertifikatsnummer")
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('familienmanager', 'features', 'Familienmanager NRW', 'Zertifizierte Familienmanagerinnen und Familienmanager (auch nicht öffentliche Einträge)', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('familienmanager', 'geom', 'POINT', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description")
                VALUES ('import_history', 'attributes', 'Importprotokoll', 'Jeder Import einer Zertifizierungsliste: Zeitpunkt, Datei, SHA-256, Zahlen, Ergebnis');
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "bevoelkerung_1km" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_bevoelkerung_1km" PRIMARY KEY AUTOINCREMENT,
                    "cell_id" TEXT NOT NULL,
                    "einwohner_2011" INTEGER NOT NULL,
                    "ags" TEXT NOT NULL,
                    "geom" POINT NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_bevoelkerung_1km_ags" ON "bevoelkerung_1km" ("ags")
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('bevoelkerung_1km', 'features', 'Bevölkerung 1 km (Zensus 2011)', 'Bewohnte 1-km-Zellen des Zensus 2011 mit Mittelpunkt in NRW, Einwohner 09.05.2011', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('bevoelkerung_1km', 'geom', 'POINT', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "import_history" ADD "bericht_json" TEXT NULL
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "import_history" ADD "von" TEXT NULL
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "data_protection_keys" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
                    "FriendlyName" TEXT NULL,
                    "Xml" TEXT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "staff_users" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_staff_users" PRIMARY KEY,
                    "MustChangePassword" INTEGER NOT NULL,
                    "CreatedAtUtc" TEXT NOT NULL,
                    "UserName" TEXT NULL,
                    "NormalizedUserName" TEXT NULL,
                    "Email" TEXT NULL,
                    "NormalizedEmail" TEXT NULL,
                    "EmailConfirmed" INTEGER NOT NULL,
                    "PasswordHash" TEXT NULL,
                    "SecurityStamp" TEXT NULL,
                    "ConcurrencyStamp" TEXT NULL,
                    "PhoneNumber" TEXT NULL,
                    "PhoneNumberConfirmed" INTEGER NOT NULL,
                    "TwoFactorEnabled" INTEGER NOT NULL,
                    "LockoutEnd" TEXT NULL,
                    "LockoutEnabled" INTEGER NOT NULL,
                    "AccessFailedCount" INTEGER NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "staged_lists" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_staged_lists" PRIMARY KEY,
                    "FileName" TEXT NOT NULL,
                    "Content" BLOB NOT NULL,
                    "Mode" TEXT NOT NULL,
                    "SkipInvalid" INTEGER NOT NULL,
                    "StagedBy" TEXT NOT NULL,
                    "StagedAtUtc" TEXT NOT NULL,
                    "BaseHistoryId" INTEGER NULL,
                    "Report" TEXT NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "staff_user_claims" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_user_claims" PRIMARY KEY AUTOINCREMENT,
                    "UserId" TEXT NOT NULL,
                    "ClaimType" TEXT NULL,
                    "ClaimValue" TEXT NULL,
                    CONSTRAINT "FK_staff_user_claims_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "staff_user_logins" (
                    "LoginProvider" TEXT NOT NULL,
                    "ProviderKey" TEXT NOT NULL,
                    "ProviderDisplayName" TEXT NULL,
                    "UserId" TEXT NOT NULL,
                    CONSTRAINT "PK_staff_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
                    CONSTRAINT "FK_staff_user_logins_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "staff_user_tokens" (
                    "UserId" TEXT NOT NULL,
                    "LoginProvider" TEXT NOT NULL,
                    "Name" TEXT NOT NULL,
                    "Value" TEXT NULL,
                    CONSTRAINT "PK_staff_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
                    CONSTRAINT "FK_staff_user_tokens_staff_users_UserId" FOREIGN KEY ("UserId") REFERENCES "staff_users" ("Id") ON DELETE CASCADE
                )
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_staff_user_claims_UserId" ON "staff_user_claims" ("UserId")
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_staff_user_logins_UserId" ON "staff_user_logins" ("UserId")
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "EmailIndex" ON "staff_users" ("NormalizedEmail")
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "UserNameIndex" ON "staff_users" ("NormalizedUserName")
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "directory_state" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_directory_state" PRIMARY KEY,
                    "geography_version" INTEGER NOT NULL,
                    "list_version" INTEGER NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                INSERT INTO "directory_state" ("Id", "geography_version", "list_version")
                VALUES (1, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "served_list_cache" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_served_list_cache" PRIMARY KEY,
                    "list_version" INTEGER NOT NULL,
                    "format" TEXT NOT NULL,
                    "data" BLOB NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "staff_users" ADD "OneTimePasswordExpiresAtUtc" TEXT NULL
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS gpkg_extensions (
                  table_name TEXT,
                  column_name TEXT,
                  extension_name TEXT NOT NULL,
                  definition TEXT NOT NULL,
                  scope TEXT NOT NULL,
                  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
                )
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('gemeinden', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_gemeinden_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_insert" AFTER INSERT ON "gemeinden" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_gemeinden_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_update1" AFTER UPDATE OF geom ON "gemeinden" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_gemeinden_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_update2" AFTER UPDATE OF geom ON "gemeinden" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_gemeinden_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_update3" AFTER UPDATE ON "gemeinden" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_gemeinden_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_gemeinden_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_update4" AFTER UPDATE ON "gemeinden" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_gemeinden_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_gemeinden_geom_delete" AFTER DELETE ON "gemeinden" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_gemeinden_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_gemeinden_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "gemeinden" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('kreise', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_kreise_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_insert" AFTER INSERT ON "kreise" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_kreise_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_update1" AFTER UPDATE OF geom ON "kreise" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_kreise_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_update2" AFTER UPDATE OF geom ON "kreise" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_kreise_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_update3" AFTER UPDATE ON "kreise" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_kreise_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_kreise_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_update4" AFTER UPDATE ON "kreise" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_kreise_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_kreise_geom_delete" AFTER DELETE ON "kreise" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_kreise_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_kreise_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "kreise" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('regierungsbezirke', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_regierungsbezirke_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_insert" AFTER INSERT ON "regierungsbezirke" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_regierungsbezirke_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_update1" AFTER UPDATE OF geom ON "regierungsbezirke" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_regierungsbezirke_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_update2" AFTER UPDATE OF geom ON "regierungsbezirke" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_regierungsbezirke_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_update3" AFTER UPDATE ON "regierungsbezirke" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_regierungsbezirke_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_regierungsbezirke_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_update4" AFTER UPDATE ON "regierungsbezirke" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_regierungsbezirke_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_regierungsbezirke_geom_delete" AFTER DELETE ON "regierungsbezirke" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_regierungsbezirke_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_regierungsbezirke_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "regierungsbezirke" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('postleitzahlen', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_postleitzahlen_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_insert" AFTER INSERT ON "postleitzahlen" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_postleitzahlen_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_update1" AFTER UPDATE OF geom ON "postleitzahlen" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_postleitzahlen_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_update2" AFTER UPDATE OF geom ON "postleitzahlen" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_postleitzahlen_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_update3" AFTER UPDATE ON "postleitzahlen" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_postleitzahlen_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_postleitzahlen_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_update4" AFTER UPDATE ON "postleitzahlen" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_postleitzahlen_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_postleitzahlen_geom_delete" AFTER DELETE ON "postleitzahlen" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_postleitzahlen_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_postleitzahlen_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "postleitzahlen" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('bevoelkerung_1km', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_bevoelkerung_1km_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_insert" AFTER INSERT ON "bevoelkerung_1km" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_bevoelkerung_1km_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_update1" AFTER UPDATE OF geom ON "bevoelkerung_1km" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_bevoelkerung_1km_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_update2" AFTER UPDATE OF geom ON "bevoelkerung_1km" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_bevoelkerung_1km_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_update3" AFTER UPDATE ON "bevoelkerung_1km" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_bevoelkerung_1km_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_bevoelkerung_1km_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_update4" AFTER UPDATE ON "bevoelkerung_1km" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_bevoelkerung_1km_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_bevoelkerung_1km_geom_delete" AFTER DELETE ON "bevoelkerung_1km" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_bevoelkerung_1km_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_bevoelkerung_1km_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "bevoelkerung_1km" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('familienmanager', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_familienmanager_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_insert" AFTER INSERT ON "familienmanager" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_familienmanager_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_update1" AFTER UPDATE OF geom ON "familienmanager" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_familienmanager_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_update2" AFTER UPDATE OF geom ON "familienmanager" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_familienmanager_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_update3" AFTER UPDATE ON "familienmanager" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_familienmanager_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_familienmanager_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_update4" AFTER UPDATE ON "familienmanager" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_familienmanager_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_familienmanager_geom_delete" AFTER DELETE ON "familienmanager" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_familienmanager_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_familienmanager_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "familienmanager" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);

            migrationBuilder.Sql("""
                DELETE FROM bevoelkerung_1km
                """);

            migrationBuilder.Sql("""
                UPDATE gpkg_contents SET identifier = 'Bevölkerung 1 km (Zensus 2022)', description = 'Bewohnte 1-km-Zellen des Zensus 2022 mit Mittelpunkt in NRW: Einwohner und Einwohner unter 15 Jahren, 15.05.2022' WHERE table_name = 'bevoelkerung_1km'
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "bevoelkerung_1km" RENAME COLUMN "einwohner_2011" TO "einwohner"
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "bevoelkerung_1km" ADD "unter_15" INTEGER NOT NULL DEFAULT 0
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "familienmanager" ADD "ansprechpartner_familien" INTEGER NULL
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "familienmanager" ADD "geprueft_am" DATE NULL
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "meldungen" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_meldungen" PRIMARY KEY AUTOINCREMENT,
                    "eintrag_id" INTEGER NOT NULL,
                    "eintrag" TEXT NOT NULL,
                    "art" TEXT NOT NULL,
                    "text" TEXT NULL,
                    "email" TEXT NULL,
                    "eingegangen_utc" DATETIME NOT NULL,
                    "erledigt_utc" DATETIME NULL,
                    "erledigt_von" TEXT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_meldungen_eintrag_id" ON "meldungen" ("eintrag_id")
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_meldungen_erledigt_utc" ON "meldungen" ("erledigt_utc")
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "public_changes" (
                    "id" INTEGER NOT NULL CONSTRAINT "PK_public_changes" PRIMARY KEY AUTOINCREMENT,
                    "zeitpunkt_utc" DATETIME NOT NULL,
                    "art" TEXT NOT NULL,
                    "eintrag_id" INTEGER NOT NULL,
                    "name" TEXT NOT NULL,
                    "gebiet" TEXT NOT NULL,
                    "felder" TEXT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_public_changes_gebiet" ON "public_changes" ("gebiet")
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "strassennetz" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_strassennetz" PRIMARY KEY,
                    "quelle" TEXT NOT NULL,
                    "importiert_am" DATETIME NOT NULL,
                    "knoten" INTEGER NOT NULL,
                    "kanten" INTEGER NOT NULL,
                    "format" TEXT NOT NULL,
                    "geom" POLYGON NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "strassennetz_teile" (
                    "teil" INTEGER NOT NULL CONSTRAINT "PK_strassennetz_teile" PRIMARY KEY,
                    "daten" BLOB NOT NULL
                )
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_contents" ("table_name", "data_type", "identifier", "description", "srs_id")
                VALUES ('strassennetz', 'features', 'Straßennetz', 'Importiertes Straßennetz (OpenStreetMap, ODbL): Quelle, Knoten, Kanten; Geometrie = Ausdehnung', 25832);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                INSERT INTO "gpkg_geometry_columns" ("table_name", "column_name", "geometry_type_name", "srs_id", "z", "m")
                VALUES ('strassennetz', 'geom', 'POLYGON', 25832, 0, 0);
                SELECT changes()
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS gpkg_extensions (
                  table_name TEXT,
                  column_name TEXT,
                  extension_name TEXT NOT NULL,
                  definition TEXT NOT NULL,
                  scope TEXT NOT NULL,
                  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
                )
                """);

            migrationBuilder.Sql("""
                INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES ('strassennetz', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "rtree_strassennetz_geom" USING rtree(id, minx, maxx, miny, maxy)
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_insert" AFTER INSERT ON "strassennetz" WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_strassennetz_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_update1" AFTER UPDATE OF geom ON "strassennetz" WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO "rtree_strassennetz_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_update2" AFTER UPDATE OF geom ON "strassennetz" WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_strassennetz_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_update3" AFTER UPDATE ON "strassennetz" WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_strassennetz_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_strassennetz_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_update4" AFTER UPDATE ON "strassennetz" WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN DELETE FROM "rtree_strassennetz_geom" WHERE id IN (OLD.fid, NEW.fid); END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "rtree_strassennetz_geom_delete" AFTER DELETE ON "strassennetz" WHEN old.geom NOT NULL BEGIN DELETE FROM "rtree_strassennetz_geom" WHERE id = OLD.fid; END
                """);

            migrationBuilder.Sql("""
                INSERT OR REPLACE INTO "rtree_strassennetz_geom" SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM "strassennetz" WHERE geom NOT NULL AND NOT ST_IsEmpty(geom)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new System.NotSupportedException("The baseline is the first schema; a database is removed, not migrated down.");
    }
}

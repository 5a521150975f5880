-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'admin';

-- AlterTable
ALTER TABLE "Intern" ADD COLUMN     "departementCode" TEXT;

-- AlterTable
ALTER TABLE "MatchingRun" ADD COLUMN     "departements" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Practice" ADD COLUMN     "departementCode" TEXT;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "departementCode" TEXT;

-- CreateTable
CREATE TABLE "Departement" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Departement_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "UserDepartement" (
    "userId" INTEGER NOT NULL,
    "departementCode" TEXT NOT NULL,

    CONSTRAINT "UserDepartement_pkey" PRIMARY KEY ("userId","departementCode")
);

-- CreateIndex
CREATE INDEX "UserDepartement_departementCode_idx" ON "UserDepartement"("departementCode");

-- CreateIndex
CREATE INDEX "Placement_practiceId_idx" ON "Placement"("practiceId");

-- AddForeignKey
ALTER TABLE "UserDepartement" ADD CONSTRAINT "UserDepartement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDepartement" ADD CONSTRAINT "UserDepartement_departementCode_fkey" FOREIGN KEY ("departementCode") REFERENCES "Departement"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the départements (IGN Admin Express codes and names, plus the five overseas ones).
INSERT INTO "Departement" ("code", "name") VALUES
  ('01', 'Ain'),
  ('02', 'Aisne'),
  ('03', 'Allier'),
  ('04', 'Alpes-de-Haute-Provence'),
  ('05', 'Hautes-Alpes'),
  ('06', 'Alpes-Maritimes'),
  ('07', 'Ardèche'),
  ('08', 'Ardennes'),
  ('09', 'Ariège'),
  ('10', 'Aube'),
  ('11', 'Aude'),
  ('12', 'Aveyron'),
  ('13', 'Bouches-du-Rhône'),
  ('14', 'Calvados'),
  ('15', 'Cantal'),
  ('16', 'Charente'),
  ('17', 'Charente-Maritime'),
  ('18', 'Cher'),
  ('19', 'Corrèze'),
  ('21', 'Côte-d''Or'),
  ('22', 'Côtes-d''Armor'),
  ('23', 'Creuse'),
  ('24', 'Dordogne'),
  ('25', 'Doubs'),
  ('26', 'Drôme'),
  ('27', 'Eure'),
  ('28', 'Eure-et-Loir'),
  ('29', 'Finistère'),
  ('2A', 'Corse-du-Sud'),
  ('2B', 'Haute-Corse'),
  ('30', 'Gard'),
  ('31', 'Haute-Garonne'),
  ('32', 'Gers'),
  ('33', 'Gironde'),
  ('34', 'Hérault'),
  ('35', 'Ille-et-Vilaine'),
  ('36', 'Indre'),
  ('37', 'Indre-et-Loire'),
  ('38', 'Isère'),
  ('39', 'Jura'),
  ('40', 'Landes'),
  ('41', 'Loir-et-Cher'),
  ('42', 'Loire'),
  ('43', 'Haute-Loire'),
  ('44', 'Loire-Atlantique'),
  ('45', 'Loiret'),
  ('46', 'Lot'),
  ('47', 'Lot-et-Garonne'),
  ('48', 'Lozère'),
  ('49', 'Maine-et-Loire'),
  ('50', 'Manche'),
  ('51', 'Marne'),
  ('52', 'Haute-Marne'),
  ('53', 'Mayenne'),
  ('54', 'Meurthe-et-Moselle'),
  ('55', 'Meuse'),
  ('56', 'Morbihan'),
  ('57', 'Moselle'),
  ('58', 'Nièvre'),
  ('59', 'Nord'),
  ('60', 'Oise'),
  ('61', 'Orne'),
  ('62', 'Pas-de-Calais'),
  ('63', 'Puy-de-Dôme'),
  ('64', 'Pyrénées-Atlantiques'),
  ('65', 'Hautes-Pyrénées'),
  ('66', 'Pyrénées-Orientales'),
  ('67', 'Bas-Rhin'),
  ('68', 'Haut-Rhin'),
  ('69', 'Rhône'),
  ('70', 'Haute-Saône'),
  ('71', 'Saône-et-Loire'),
  ('72', 'Sarthe'),
  ('73', 'Savoie'),
  ('74', 'Haute-Savoie'),
  ('75', 'Paris'),
  ('76', 'Seine-Maritime'),
  ('77', 'Seine-et-Marne'),
  ('78', 'Yvelines'),
  ('79', 'Deux-Sèvres'),
  ('80', 'Somme'),
  ('81', 'Tarn'),
  ('82', 'Tarn-et-Garonne'),
  ('83', 'Var'),
  ('84', 'Vaucluse'),
  ('85', 'Vendée'),
  ('86', 'Vienne'),
  ('87', 'Haute-Vienne'),
  ('88', 'Vosges'),
  ('89', 'Yonne'),
  ('90', 'Territoire de Belfort'),
  ('91', 'Essonne'),
  ('92', 'Hauts-de-Seine'),
  ('93', 'Seine-Saint-Denis'),
  ('94', 'Val-de-Marne'),
  ('95', 'Val-d''Oise'),
  ('971', 'Guadeloupe'),
  ('972', 'Martinique'),
  ('973', 'Guyane'),
  ('974', 'La Réunion'),
  ('976', 'Mayotte')
ON CONFLICT ("code") DO NOTHING;

-- Hand-written: a département's text as people write it ("Indre (36)", "Indre", "36", "indre") → its code,
-- or NULL when it names none. Sites and practices keep the text; a trigger keeps their code in step.
CREATE FUNCTION departement_key(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT trim(both '-' from regexp_replace(
    translate(lower(t), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœ', 'aaaaaaceeeeiiiinooooouuuuyyo'),
    '[^a-z0-9]+', '-', 'g'))
$$;

CREATE FUNCTION departement_code_of(t text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT d."code" FROM "Departement" d
  WHERE d."code" = upper(COALESCE((regexp_match(t, '\(\s*([0-9]{2,3}|2[AaBb])\s*\)\s*$'))[1], trim(t)))
     OR departement_key(d."name") = departement_key(t)
  ORDER BY (d."code" = upper(COALESCE((regexp_match(t, '\(\s*([0-9]{2,3}|2[AaBb])\s*\)\s*$'))[1], trim(t)))) DESC
  LIMIT 1
$$;

CREATE FUNCTION set_departement_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."departementCode" := departement_code_of(NEW."departement");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Practice_departementCode" BEFORE INSERT OR UPDATE OF "departement", "departementCode" ON "Practice"
  FOR EACH ROW EXECUTE FUNCTION set_departement_code();
CREATE TRIGGER "Site_departementCode" BEFORE INSERT OR UPDATE OF "departement", "departementCode" ON "Site"
  FOR EACH ROW EXECUTE FUNCTION set_departement_code();

UPDATE "Practice" SET "departementCode" = departement_code_of("departement");
UPDATE "Site" SET "departementCode" = departement_code_of("departement");

CREATE INDEX "Practice_departementCode_idx" ON "Practice"("departementCode");
CREATE INDEX "Site_departementCode_idx" ON "Site"("departementCode");
CREATE INDEX "Intern_departementCode_idx" ON "Intern"("departementCode");
